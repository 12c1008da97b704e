package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.Addresses;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.ProbeWindow;
import io.vigil.streams.baseline.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.port_scan}: probe-like flows (refused, or TCP flows of at most two packets) between an
 * entity and one peer touch many distinct service ports within a short event-time window — the entity
 * scanning the peer, or the peer scanning the entity.
 *
 * <p>Why: port scanning is how an attacker maps what to attack next. An entity that scans is almost
 * certainly compromised (HIGH); an internal peer scanning it is lateral reconnaissance (HIGH); the
 * internet scanning it is background noise unless ports answered (MEDIUM, LOW when all were refused).
 * Judged from the first record, learning or not. One finding per window. ATT&CK T1046 (network service
 * discovery); GuardDuty Recon:EC2/Portscan (outbound), Recon:EC2/PortProbeUnprotectedPort (inbound).
 * Playbook: compromised-instance (HIGH), suspicious-activity.
 *
 * <p>Pure: reads the window the profile just counted the record in; no Kafka types, no clock.
 */
public final class PortScanDetector {
    public static final String NAME = "flow.port_scan";

    private PortScanDetector() {}

    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c) {
        ProbeWindow w = p.probes().peerWindow();
        if (w == null || w.distinct() < c.scanDistinctPorts() || !w.fire(ProbeWindow.SCAN)) {
            return Optional.empty();
        }
        boolean entityScans = Service.client(w.service());
        String peer = Addresses.format(w.peerHi(), w.peerLo());
        Severity severity = entityScans || !f.peerPublic() ? Severity.HIGH : w.accepted() > 0 ? Severity.MEDIUM : Severity.LOW;
        String span = Duration.ofMillis(w.last() - w.start()).toString();
        String summary = (entityScans ? p.entity() + " probed " + w.distinct() + " ports of " + peer
                : peer + " probed " + w.distinct() + " ports of " + p.entity()) + " within " + span + " (" + w.rejects() + " of "
                + w.probes() + " probes refused).";
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("scanner", entityScans ? p.entity() : peer);
        observed.put("target", entityScans ? peer : p.entity());
        observed.put("distinct_ports", Integer.toString(w.distinct()));
        observed.put("ports_sample", sample(w));
        observed.put("probes", Integer.toString(w.probes()));
        observed.put("refused", Integer.toString(w.rejects()));
        observed.put("window_start", Instant.ofEpochMilli(w.start()).toString());
        observed.put("window_span", span);
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("threshold_distinct_ports", Integer.toString(c.scanDistinctPorts()));
        baseline.put("window", Duration.ofMillis(c.profile().probeWindowMillis()).toString());
        String reason = entityScans ? "Scanning from a workload means something on it is mapping targets: it is likely compromised."
                : !f.peerPublic() ? "An internal host scanning another is lateral reconnaissance."
                : w.accepted() > 0 ? "Some probed ports answered the internet: they are exposed." : "Internet background scanning; every port refused.";
        return Optional.of(FlowAlerts.alert(NAME, severity, p, f, List.of("T1046"), summary, observed, baseline, reason,
                peer + "|" + (entityScans ? "out" : "in") + "|" + w.start(),
                entityScans ? "Recon:EC2/Portscan" : "Recon:EC2/PortProbeUnprotectedPort", FlowAlerts.sources(w, f)));
    }

    /** Up to ten of the ports, ascending. */
    static String sample(ProbeWindow w) {
        int[] targets = new int[w.distinct()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = w.target(i);
        }
        Arrays.sort(targets);
        return Arrays.toString(Arrays.copyOf(targets, Math.min(10, targets.length)));
    }
}
