package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.FlowProfileView;
import io.vigil.streams.baseline.Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.new_peer_service}: after learning, an entity exchanges traffic (accepted) with a peer
 * bucket (/24, /64, or "the internet" for its own public clients) on a service it never used with it.
 *
 * <p>Why: a workload's peers and services are stable; a new one is how lateral movement (a web server
 * opening SSH to a database host), command and control (a new outbound service to the internet) or a
 * newly exposed listener first shows. Weighted by what the service is: a new service at all is worth
 * more than a new peer of a known one; SSH, RDP and database ports raise it; so does an outbound
 * conversation with a public address. A new peer of a known, ordinary service is learned silently
 * (content delivery networks rotate addresses all the time). ATT&CK T1021 (remote services, internal),
 * T1071 (application-layer protocol, outbound), T1133 (external remote services, inbound); GuardDuty
 * Behavior:EC2/NetworkPortUnusual. Playbook: suspicious-activity, compromised-instance from HIGH.
 *
 * <p>Pure: judged against the profile before the record is learned; no Kafka types, no clock.
 */
public final class NewPeerServiceDetector {
    public static final String NAME = "flow.new_peer_service";

    private NewPeerServiceDetector() {}

    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c) {
        if (!p.learned() || f.rejected()) {
            return Optional.empty();
        }
        long bucket = FlowProfile.peerBucket(f);
        int service = FlowProfile.peerService(f);
        if (p.knowsPeerService(bucket, service)) {
            return Optional.empty();
        }
        boolean serviceNew = !p.knowsService(service);
        boolean sensitive = Service.hasPorts(f.protocol()) && PortCatalogue.sensitive(f.servicePort());
        boolean publicClient = f.peerPublic() && f.client();
        int level = serviceNew ? 1 : 0;
        level += sensitive ? 1 : 0;
        level += publicClient && (serviceNew || sensitive) ? 1 : 0;
        level += serviceNew && sensitive && f.peerPublic() && !f.client() ? 1 : 0;
        Severity severity = FlowAlerts.raise(Severity.INFO, level);
        if (severity.ordinal() < c.newPeerMinSeverity().ordinal()) {
            return Optional.empty();
        }
        String peer = FlowProfileView.peer(bucket, service);
        String what = Service.text(f.service());
        String summary = p.entity() + (f.client() ? " contacted " : " was contacted by ") + f.peerText() + " (" + peer + ") on "
                + what + " for the first time" + (serviceNew ? ", a service it never used before" : "")
                + (sensitive ? "; the port is a remote-administration or database port" : "") + ".";
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("peer_bucket", peer);
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("peer_service_known", "no");
        baseline.put("service_known", serviceNew ? "no" : "yes");
        baseline.put("known_peer_buckets_for_service", Integer.toString(p.peerServices().bucketsFor(service)));
        String reason = (serviceNew ? "The entity never used " + what + " during its baseline" : "The entity uses " + what + " but never with " + peer)
                + (sensitive ? "; remote-administration and database ports are how attackers move and steal" : "")
                + (publicClient ? "; the peer is on the internet" : "") + ".";
        List<String> attack = publicClient ? List.of("T1071") : f.peerPublic() ? List.of("T1133") : List.of("T1021");
        return Optional.of(FlowAlerts.alert(NAME, severity, p, f, attack, summary, observed, baseline, reason, f.recordId(),
                "Behavior:EC2/NetworkPortUnusual", List.of(f.source())));
    }
}
