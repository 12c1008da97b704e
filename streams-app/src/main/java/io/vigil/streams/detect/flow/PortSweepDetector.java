package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.ProbeWindow;
import io.vigil.streams.baseline.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.port_sweep}: an entity sends probe-like flows to many distinct hosts on one service port
 * within a short event-time window — a sweep for the next victim (an SSH worm, a Redis hunter).
 *
 * <p>Why: the horizontal twin of a port scan. Mostly refused probes: HIGH. Mostly tiny accepted flows on
 * a service the entity never used before: MEDIUM. Tiny accepted flows on a service it already uses are
 * what load-balancer health checks look like, and are not reported. ATT&CK T1046, T1018 (remote system
 * discovery); GuardDuty Recon:EC2/Portscan. Playbook: compromised-instance (HIGH), suspicious-activity.
 *
 * <p>Pure: reads the window the profile just counted the record in; no Kafka types, no clock.
 */
public final class PortSweepDetector {
    public static final String NAME = "flow.port_sweep";

    private PortSweepDetector() {}

    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c) {
        ProbeWindow w = p.probes().sweepWindow();
        if (w == null || w.distinct() < c.sweepDistinctHosts()) {
            return Optional.empty();
        }
        boolean mostlyRefused = w.rejects() * 2 >= w.probes();
        boolean knownService = w.serviceKnown();
        if (!mostlyRefused && knownService || !w.fire(ProbeWindow.SWEEP)) {
            return Optional.empty();
        }
        String service = Service.text(w.service());
        String span = Duration.ofMillis(w.last() - w.start()).toString();
        String summary = p.entity() + " probed " + w.distinct() + " hosts on " + service + " within " + span + " ("
                + w.rejects() + " of " + w.probes() + " probes refused).";
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("distinct_hosts", Integer.toString(w.distinct()));
        observed.put("probes", Integer.toString(w.probes()));
        observed.put("refused", Integer.toString(w.rejects()));
        observed.put("window_start", Instant.ofEpochMilli(w.start()).toString());
        observed.put("window_span", span);
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("service_known", knownService ? "yes" : "no");
        baseline.put("threshold_distinct_hosts", Integer.toString(c.sweepDistinctHosts()));
        baseline.put("window", Duration.ofMillis(c.profile().probeWindowMillis()).toString());
        String reason = mostlyRefused ? "Most probes were refused: the entity is looking for hosts that answer on " + service + "."
                : "The entity never used " + service + " before and now touches many hosts on it.";
        return Optional.of(FlowAlerts.alert(NAME, mostlyRefused ? Severity.HIGH : Severity.MEDIUM, p, f, List.of("T1046", "T1018"), summary,
                observed, baseline, reason, Service.text(w.service()) + "|" + w.start(), "Recon:EC2/Portscan", FlowAlerts.sources(w, f)));
    }
}
