package io.vigil.streams.suppress;

import io.vigil.schemas.Finding;
import io.vigil.schemas.Suppression;
import io.vigil.streams.baseline.Addresses;
import io.vigil.streams.baseline.InternalNetworks;
import java.util.List;

/**
 * Whether a suppression covers a finding: its detector pattern matches the finding's detector ({@code *}, a family such as
 * {@code flow.*}, or a name), its entity (if set) is the finding's, its network (if set) contains the finding's entity or the
 * peer, scanner or source address the finding's evidence names, and the finding happened before the suppression expires.
 * Expiry is judged on the finding's event time, so a replay suppresses what live processing suppressed. A malformed network
 * matches nothing: a typo must not silence findings.
 */
public final class SuppressionMatcher {
    /** The evidence values that name the other side of a finding: a scan's source, a peer, a caller's address. */
    private static final List<String> ADDRESS_KEYS = List.of("peer", "scanner", "source_ip", "remote", "remote_address");

    private SuppressionMatcher() {}

    public static boolean matches(Suppression s, Finding f) {
        if (s.getExpiresAt() != null && !f.getEventTime().isBefore(s.getExpiresAt())) {
            return false;
        }
        if (!detectorMatches(s.getDetector(), f.getDetector())) {
            return false;
        }
        if (s.getEntity() != null && !s.getEntity().equals(f.getEntity())) {
            return false;
        }
        return s.getCidr() == null || inNetwork(s.getCidr(), f);
    }

    static boolean detectorMatches(String pattern, String detector) {
        if (pattern == null || pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return detector.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(detector);
    }

    private static boolean inNetwork(String cidr, Finding f) {
        InternalNetworks network;
        try {
            network = InternalNetworks.of(List.of(cidr));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (contains(network, f.getEntity())) {
            return true;
        }
        for (String key : ADDRESS_KEYS) {
            if (contains(network, f.getEvidence().getObserved().get(key))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(InternalNetworks network, String address) {
        long[] a = new long[2];
        return address != null && Addresses.parse(address, a) && network.inListed(a[0], a[1]);
    }
}
