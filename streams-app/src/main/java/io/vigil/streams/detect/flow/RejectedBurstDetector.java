package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.Addresses;
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
 * {@code flow.rejected_burst}: one external source has many of its flows to an entity refused within a
 * short event-time window, whatever the ports.
 *
 * <p>Why: a burst of refusals is a brute-force or exploitation attempt hammering a closed door; the door
 * held, but the source is hostile and the entity is a target (say, SSH closed today, opened by mistake
 * tomorrow). LOW, MEDIUM when the port is a remote-administration or database port. ATT&CK T1110
 * (brute force) on those ports, else T1595 (active scanning); GuardDuty
 * UnauthorizedAccess:EC2/SSHBruteForce or RDPBruteForce, else Recon:EC2/PortProbeUnprotectedPort.
 * Playbook: suspicious-activity. One finding per source and window.
 *
 * <p>Pure: reads the window the profile just counted the record in; no Kafka types, no clock.
 */
public final class RejectedBurstDetector {
    public static final String NAME = "flow.rejected_burst";

    private RejectedBurstDetector() {}

    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c) {
        ProbeWindow w = p.probes().peerWindow();
        if (w == null || Service.client(w.service()) || !f.peerPublic() || w.rejects() < c.rejectedBurst()
                || !w.fire(ProbeWindow.BURST)) {
            return Optional.empty();
        }
        boolean sensitive = PortCatalogue.sensitive(f.servicePort());
        String source = Addresses.format(w.peerHi(), w.peerLo());
        String span = Duration.ofMillis(w.last() - w.start()).toString();
        String summary = source + " had " + w.rejects() + " flows to " + p.entity() + " refused within " + span
                + " (" + w.distinct() + " distinct ports, latest " + Service.text(f.service()) + ").";
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("source", source);
        observed.put("refused", Integer.toString(w.rejects()));
        observed.put("probes", Integer.toString(w.probes()));
        observed.put("distinct_ports", Integer.toString(w.distinct()));
        observed.put("ports_sample", PortScanDetector.sample(w));
        observed.put("window_start", Instant.ofEpochMilli(w.start()).toString());
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("rejected_records_before", Long.toString(p.rejectedRecords() - 1));
        baseline.put("threshold_refused", Integer.toString(c.rejectedBurst()));
        baseline.put("window", Duration.ofMillis(c.profile().probeWindowMillis()).toString());
        String reason = sensitive ? "Repeated refused attempts on a remote-administration or database port look like brute force."
                : "A source that keeps knocking on refused ports is probing the entity.";
        String guardDuty = f.servicePort() == 22 ? "UnauthorizedAccess:EC2/SSHBruteForce"
                : f.servicePort() == 3389 ? "UnauthorizedAccess:EC2/RDPBruteForce" : "Recon:EC2/PortProbeUnprotectedPort";
        return Optional.of(FlowAlerts.alert(NAME, sensitive ? Severity.MEDIUM : Severity.LOW, p, f,
                sensitive ? List.of("T1110") : List.of("T1595"), summary, observed, baseline, reason, source + "|" + w.start(),
                guardDuty, FlowAlerts.sources(w, f)));
    }
}
