package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.Service;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.new_peer}: after learning, an entity opens a connection (accepted) to an internal host,
 * IPv4 or IPv6, it never opened one to — LOW; MEDIUM once it has reached
 * {@code vigil.flow.new_peer.medium.peers} new internal hosts within the event-time hour.
 *
 * <p>Why: lateral movement is a foothold reaching hosts it never talked to. {@code flow.new_peer_service}
 * judges (peer /24 or /64, service) pairs weighted by the service, and so stays silent for a new host in a
 * subnet the entity already uses on an ordinary service; this detector watches hosts themselves, at low
 * severity, and only raises what {@code new_peer_service} did not already report for the same record.
 * Judged on the side that opened the connection (the actor), so one pair gives one finding. Not judged
 * where a new host is the normal: a host in a /24 or /64 where the entity already uses
 * {@code vigil.flow.new_peer.pool.hosts} hosts (a pool or fleet it is a client of: one more member is
 * scaling, not movement), and entities that have filled their table of 128 internal hosts (hubs:
 * scanners, monitoring, bastions, load balancers). One finding
 * per entity and hour, re-sent with a higher count (same id) at 2, 4, 8 … new hosts and on reaching
 * the MEDIUM count, instead of one per host. Expect it where fleets scale out (a new instance behind a known service is a new host): that is
 * why it is LOW, and why the count, not each host, is what rises. ATT&CK T1021 (remote services), T1018
 * (remote system discovery) at MEDIUM; GuardDuty has no equivalent (it does not judge internal peers).
 * Playbook: suspicious-activity.
 *
 * <p>Pure: reads whether the profile, while observing the record, found the host new; no Kafka types, no clock.
 */
public final class NewPeerDetector {
    public static final String NAME = "flow.new_peer";

    private NewPeerDetector() {}

    /**
     * Judged after the record is observed; {@code reported} says whether another detector already
     * raised a finding on this record (the host still counts).
     */
    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c, boolean learned, boolean reported) {
        if (!learned || !p.newInternalPeer()) {
            return Optional.empty();
        }
        int poolHosts = p.knownHostsInPeerBucket(f) - 1;
        if (poolHosts >= c.newPeerPoolHosts() || p.internalPeers().size() >= p.internalPeers().capacity()) {
            return Optional.empty();
        }
        int count = p.countNewPeer(f.hour());
        boolean due = count >= Math.max(1, 2 * p.newPeersReported()) || count == c.newPeerMediumPeers();
        if (reported || !due) {
            return Optional.empty();
        }
        p.reportedNewPeers(count);
        boolean many = count >= c.newPeerMediumPeers();
        String service = Service.text(f.service());
        String hour = Instant.ofEpochMilli(f.hour() * 3_600_000L).toString();
        String summary = p.entity() + " connected to " + (count == 1 ? "an internal host it never connected to before: " + f.peerText()
                : count + " internal hosts it never connected to before in the hour from " + hour + ", the latest " + f.peerText())
                + " on " + service + ".";
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("hour", hour);
        observed.put("new_internal_peers_this_hour", Integer.toString(count));
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("internal_peer_known", "no");
        baseline.put("known_internal_peers", Integer.toString(p.internalPeers().size() - 1));
        baseline.put("known_hosts_in_peer_subnet", Integer.toString(poolHosts));
        baseline.put("pool_hosts_threshold", Integer.toString(c.newPeerPoolHosts()));
        baseline.put("threshold_medium_new_peers_per_hour", Integer.toString(c.newPeerMediumPeers()));
        String reason = many ? "Many internal hosts contacted for the first time within an hour: the entity may be exploring the network."
                : "A first connection to an internal host can be lateral movement; it is also how a new deployment looks.";
        return Optional.of(FlowAlerts.alert(NAME, many ? Severity.MEDIUM : Severity.LOW, p, f, many ? List.of("T1021", "T1018") : List.of("T1021"),
                summary, observed, baseline, reason, Integer.toString(f.hour()), null, List.of(f.source())));
    }
}
