package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.Hll;
import io.vigil.streams.baseline.Service;
import io.vigil.streams.detect.flow.PortCatalogue.BadPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.unusual_port}: an entity talks on a port from the catalogue of ports malware uses —
 * cryptocurrency mining pools (3333, 5555, 7777, 14444 …), backdoors (4444, 31337 …), IRC command
 * channels (6667 …), Tor (9001 …) — as a client (accepted: HIGH; refused by a security group: LOW, the
 * attempt still shows something on the host tried) or as a server to a public client (MEDIUM).
 *
 * <p>Why: no baseline is needed to know that a web server mining Monero or calling a Metasploit handler
 * is compromised, so this judges from the first record, learning or not. One finding per peer, port and
 * outcome per dedupe window, not one per flow. ATT&CK T1571 (non-standard port), T1496 (resource
 * hijacking), T1090.003 (Tor); GuardDuty CryptoCurrency:EC2/BitcoinTool.B, Backdoor:EC2/C&CActivity.B,
 * UnauthorizedAccess:EC2/TorClient. Playbook: compromised-instance (HIGH), suspicious-activity.
 *
 * <p>Pure: no Kafka types, no clock; the dedupe memo lives in the profile.
 */
public final class UnusualPortDetector {
    public static final String NAME = "flow.unusual_port";

    private UnusualPortDetector() {}

    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c) {
        BadPort bad = Service.hasPorts(f.protocol()) ? PortCatalogue.bad(f.servicePort()) : null;
        if (bad == null || !f.client() && (f.rejected() || !f.peerPublic())) {
            return Optional.empty();
        }
        Severity severity = !f.client() ? Severity.MEDIUM : f.rejected() ? Severity.LOW : Severity.HIGH;
        if (!f.peerPublic()) {
            severity = FlowAlerts.raise(severity, -1);
        }
        long key = Hll.mix(FlowProfile.peerBucket(f) * 31 + FlowProfile.peerService(f)) ^ (f.rejected() ? 1 : 0);
        boolean knewPair = p.knowsPeerService(FlowProfile.peerBucket(f), FlowProfile.peerService(f));
        if (!p.alerts().first(key, f.time(), c.alertDedupeMillis())) {
            return Optional.empty();
        }
        String verb = f.client() ? (f.rejected() ? " tried to reach " : " talked to ") : " served ";
        String summary = p.entity() + verb + f.peerText() + " on port " + bad.port() + ", " + bad.meaning()
                + (f.rejected() ? " (refused)." : ".");
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("port_category", bad.category());
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("rule", "port " + bad.port() + " is " + bad.meaning());
        baseline.put("peer_service_known", knewPair ? "yes" : "no");
        baseline.put("expected", "no workload talks on this port");
        String reason = "Port " + bad.port() + " is " + bad.meaning() + "; ordinary workloads do not use it, malware does"
                + (f.rejected() ? ". The attempt was refused, but something on the host made it." : ".");
        return Optional.of(FlowAlerts.alert(NAME, severity, p, f, bad.attack(), summary, observed, baseline, reason, f.recordId(),
                bad.guardDuty(), List.of(f.source())));
    }
}
