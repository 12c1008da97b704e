package io.vigil.streams.detect.audit.instance;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.Addresses;
import io.vigil.streams.finding.Detection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code audit.instance_credentials_outside}: the temporary credentials an EC2 instance profile delivered
 * to one instance are used from an address outside the estate.
 *
 * <p>Why: an attacker who reaches the instance metadata service (SSRF through a reverse proxy, a
 * compromised process) copies the role's credentials and uses them from their own machine; every call
 * then looks like the instance's own. The source address is what gives it away (ATT&CK T1552.005 Cloud
 * Instance Metadata API, T1078.004 Cloud Accounts; GuardDuty
 * UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS and .InsideAWS). Playbook:
 * compromised-credentials (revoke the role's active sessions), then compromised-instance.
 *
 * <p>Inside the estate, never reported: a source that is not an IP literal (an AWS service acting for the
 * instance, {@code ec2.amazonaws.com}, {@code AWS Internal}), private and link-local addresses (the
 * instance itself through a VPC endpoint), the configured estate networks ({@code vigil.audit.estate.networks}),
 * and addresses learned as the estate's: used by two instances of the role (a NAT gateway), or by one
 * instance across two credential rotations (two temporary keys: its own public address). An address that
 * was reported is never learned.
 *
 * <p>Outside: a public address that is none of these. The verdict is certain (MEDIUM, one finding per
 * call up to the daily cap) when the estate is known — estate networks configured, or an address already
 * learned as this instance's own — and HIGH when the instance's own address is known or the caller's user
 * agent names a desktop operating system (macOS, Windows 10/11, a phone), which an instance does not run.
 * Otherwise the address may be the instance's own public one not yet learned: LOW, once per instance and
 * address, and it is learned if the instance goes on using it after its credentials rotate.
 *
 * <p>Pure: event time only; the same events give the same findings.
 */
public final class InstanceCredentialDetector {
    public static final String DETECTOR = "audit.instance_credentials_outside";
    private static final long DAY_MS = 86_400_000L;

    private InstanceCredentialDetector() {}

    /** The verdict on one event against the role's addresses so far (empty: not an instance credential use, or inside). */
    public static List<Detection> score(RoleAddresses profile, AuditEvent event, InstanceCredentialSettings settings) {
        Optional<InstanceCredentialUse> found = InstanceCredentialUse.of(event);
        if (found.isEmpty()) {
            return List.of();
        }
        InstanceCredentialUse use = found.get();
        String address = publicAddress(use.source(), settings);
        if (address == null) {
            return List.of();
        }
        RoleAddresses p = profile == null ? RoleAddresses.empty() : profile;
        RoleAddresses.AddressUse seen = p.get(address);
        if (seen != null && seen.home()) {
            return List.of();
        }
        long day = Math.floorDiv(event.getEventTime().toEpochMilli(), DAY_MS);
        TreeSet<String> homes = p.homesOf(use.instanceId());
        boolean desktop = use.desktopAgent();
        boolean estateKnown = !settings.estateCidrs().isEmpty() || !homes.isEmpty();
        boolean certain = desktop || estateKnown || (seen != null && seen.flagged());
        if (!certain) {
            if (seen != null && seen.instances().contains(use.instanceId())) {
                return List.of(); // reported LOW already; learned if it persists across a rotation
            }
            return List.of(detection(use, address, Severity.LOW, homes, p, settings, seen,
                    "the address may be this instance's own public address, not learned yet; it is learned if the instance keeps using it after "
                            + "its credentials rotate, and it would be the first sign of stolen credentials otherwise"));
        }
        if (seen != null && seen.flagged() && seen.day() == day && seen.reportedOnDay() >= settings.perAddressDay()) {
            return List.of();
        }
        Severity severity = desktop || !homes.isEmpty() ? Severity.HIGH : Severity.MEDIUM;
        String why = desktop ? "the caller runs " + use.desktopOs() + ", an operating system EC2 instances do not run: the credentials were copied off the instance"
                : !homes.isEmpty() ? "the instance's own address is known and this is not it: the credentials were copied off the instance"
                : "the address is outside the configured estate networks: the credentials were copied off the instance";
        return List.of(detection(use, address, severity, homes, p, settings, seen, why));
    }

    /** The role's addresses after this event: the address's instances, keys and reports. */
    public static RoleAddresses update(RoleAddresses profile, AuditEvent event, InstanceCredentialSettings settings, List<Detection> reported) {
        Optional<InstanceCredentialUse> found = InstanceCredentialUse.of(event);
        RoleAddresses p = profile == null ? RoleAddresses.empty() : profile;
        if (found.isEmpty()) {
            return profile;
        }
        InstanceCredentialUse use = found.get();
        String address = publicAddress(use.source(), settings);
        if (address == null) {
            return profile;
        }
        long t = event.getEventTime().toEpochMilli();
        long day = Math.floorDiv(t, DAY_MS);
        RoleAddresses.AddressUse seen = p.get(address);
        boolean flaggedNow = reported.stream().anyMatch(d -> d.severity().compareTo(Severity.MEDIUM) >= 0);
        RoleAddresses.AddressUse next;
        if (seen == null) {
            next = new RoleAddresses.AddressUse(RoleAddresses.plus(new TreeSet<>(), use.instanceId()),
                    use.accessKey().isEmpty() ? new TreeSet<>() : RoleAddresses.plus(new TreeSet<>(), use.accessKey()), t, t, flaggedNow, day, flaggedNow ? 1 : 0);
        } else {
            int count = seen.day() == day ? seen.reportedOnDay() : 0;
            next = new RoleAddresses.AddressUse(RoleAddresses.plus(seen.instances(), use.instanceId()),
                    use.accessKey().isEmpty() ? seen.keys() : RoleAddresses.plus(seen.keys(), use.accessKey()), Math.min(seen.firstSeen(), t),
                    Math.max(seen.lastSeen(), t), seen.flagged() || flaggedNow, day, count + (flaggedNow ? 1 : 0));
        }
        return p.with(address, next);
    }

    /** The source as a public address outside the configured estate, in canonical text; null when inside or not an address. */
    static String publicAddress(String source, InstanceCredentialSettings settings) {
        long[] a = new long[2];
        if (source == null || !Addresses.parse(source.trim(), a) || settings.estate().isInternal(a[0], a[1])) {
            return null;
        }
        return Addresses.format(a[0], a[1]);
    }

    private static Detection detection(InstanceCredentialUse use, String address, Severity severity, TreeSet<String> homes, RoleAddresses p,
                                       InstanceCredentialSettings settings, RoleAddresses.AddressUse seen, String reason) {
        AuditEvent e = use.event();
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("source_ip", address);
        observed.put("instance_id", use.instanceId());
        observed.put("role", String.valueOf(use.role()));
        if (!use.accessKey().isEmpty()) {
            observed.put("access_key_id", use.accessKey());
        }
        observed.put("call", e.getEventSource() + ":" + e.getEventName());
        observed.put("event_id", e.getEventId());
        if (use.userAgent() != null) {
            observed.put("user_agent", use.userAgent());
        }
        if (e.getErrorCode() != null) {
            observed.put("error_code", e.getErrorCode());
        }
        if (seen != null) {
            observed.put("address_first_seen", java.time.Instant.ofEpochMilli(seen.firstSeen()).toString());
        }
        Map<String, String> baseline = new LinkedHashMap<>();
        baseline.put("instance_addresses", homes.isEmpty() ? "(none learned yet)" : String.join(",", homes));
        TreeSet<String> roleHomes = p.homes();
        baseline.put("role_addresses", roleHomes.isEmpty() ? "(none learned yet)" : String.join(",", roleHomes.stream().limit(10).toList()));
        baseline.put("estate_networks", settings.estateCidrs().isEmpty() ? "(none configured; private ranges only)" : String.join(",", settings.estateCidrs()));
        String summary = "Credentials of instance " + use.instanceId() + " (role " + roleName(use.role()) + ") were used from " + address
                + ", outside the estate, to call " + e.getEventName();
        return new Detection(DETECTOR, FindingKind.anomaly, severity, use.instanceId(), "instance", e.getPrincipalAccount(),
                List.of("T1552.005", "T1078.004"), summary, observed, baseline, reason, e.getEventId(),
                List.of("playbook:compromised-credentials", "guardduty:UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"));
    }

    private static String roleName(String role) {
        if (role == null) {
            return "?";
        }
        int slash = role.lastIndexOf('/');
        return slash < 0 ? role : role.substring(slash + 1);
    }
}
