package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.Hll;
import io.vigil.streams.baseline.ProbeWindow;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.spam}: after learning, an entity opens its first connection to a mail port on the internet
 * (TCP 25, 465, 587 by default, {@code vigil.flow.spam.ports}) — accepted: MEDIUM; refused by a security
 * group or network ACL: LOW (something on the host still tried).
 *
 * <p>Why: workloads that send mail do it through a relay or an API they have always used; a web or
 * application server that starts talking SMTP to the internet is usually a compromised host sending spam
 * or phishing (or exfiltrating by mail), which also gets the account's addresses blocklisted. Mail servers
 * and relays that always did this have the service in their baseline and are never reported; mail to an
 * internal relay is not judged here, nor is a probe within a port scan of the peer. Takes precedence over {@code flow.new_peer_service} for the same
 * record (one finding for one cause). One finding per port and outcome per dedupe window. ATT&CK
 * T1071.003 (mail protocols), T1496 (resource hijacking); GuardDuty has no flow-based equivalent (its
 * Behavior:EC2/NetworkPortUnusual is the nearest). Playbook: suspicious-activity.
 *
 * <p>Pure: judged against the profile before the record is learned; no Kafka types, no clock.
 */
public final class SpamDetector {
    public static final String NAME = "flow.spam";

    private SpamDetector() {}

    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c) {
        if (!p.learned() || !f.client() || !f.peerPublic() || f.protocol() != 6 || !c.spamPort(f.servicePort())
                || p.knowsService(f.service()) || partOfScan(p, f)) {
            return Optional.empty();
        }
        long key = Hll.mix(0x5BA3L * 65536 + f.servicePort()) ^ (f.rejected() ? 1 : 0);
        if (!p.alerts().first(key, f.time(), c.alertDedupeMillis())) {
            return Optional.empty();
        }
        Severity severity = f.rejected() ? Severity.LOW : Severity.MEDIUM;
        String summary = p.entity() + (f.rejected() ? " tried to send mail to " : " sent mail to ") + f.peerText() + " on port "
                + f.servicePort() + " for the first time" + (f.rejected() ? " (refused)." : ".");
        Map<String, String> observed = FlowAlerts.observed(f);
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("mail_port_used_before", "no");
        baseline.put("rule", "a learned entity's first outbound connection to the internet on a mail port");
        String reason = "The entity never sent mail to the internet during its baseline; a host that starts to is usually sending spam"
                + " or phishing for someone else" + (f.rejected() ? ". The attempt was refused, but something on the host made it." : ".");
        return Optional.of(FlowAlerts.alert(NAME, severity, p, f, List.of("T1071.003", "T1496"), summary, observed, baseline, reason,
                f.recordId(), "Behavior:EC2/NetworkPortUnusual", List.of(f.source())));
    }

    /** A probe to a peer the entity has just probed on other ports: a port scan touching a mail port ({@code flow.port_scan}'s). */
    private static boolean partOfScan(FlowProfile p, FlowFacts f) {
        ProbeWindow w = f.probe() ? p.probes().peerWindow() : null;
        return w != null && w.peerHi() == f.peerHi() && w.peerLo() == f.peerLo() && w.distinct() >= 2;
    }
}
