package io.vigil.streams.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import java.time.Duration;
import java.util.List;

/**
 * The streams app's finding metrics (docs/METRICS.md): {@code vigil_findings_total{detector,severity}},
 * every known detector and severity at zero from the start so the first CRITICAL finding alerts, and
 * {@code vigil_detection_latency_seconds}, event time of the evidence to the finding, with the SLO's
 * 60 s as a bucket boundary.
 */
public final class FindingMetrics {
    /** Every detector the topology has; a detector added later must be added here too (its counter starts at zero). */
    public static final List<String> KNOWN_DETECTORS = List.of("audit.sensitive_call", "audit.recon_burst", "audit.error_burst",
            "audit.bulk_secret_read", "audit.destructive_burst", "audit.new_source", "audit.first_seen_api", "audit.rare_api", "audit.sequence", "audit.instance_credentials_outside",
            "drift.config", "drift.new_resource", "drift.deleted_resource",
            "config.risky_setting", "cross.exposed_port_probed", "flow.port_scan", "flow.port_sweep", "flow.new_peer_service", "flow.unusual_volume", "flow.exfiltration",
            "flow.rejected_burst", "flow.unusual_port", "flow.brute_force", "flow.dos", "flow.spam", "flow.time_of_day", "flow.new_peer",
            "sigma.rule", "sigma.correlation",
            "drift.package", "drift.listening_port");
    private static final double[] BUCKETS = {0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600};

    private final MeterRegistry registry;
    private final DistributionSummary latency;

    public FindingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String detector : KNOWN_DETECTORS) {
            for (Severity s : Severity.values()) {
                counter(detector, s.name());
            }
        }
        this.latency = DistributionSummary.builder("vigil_detection_latency_seconds").description("event time of the evidence to the finding")
                .baseUnit("seconds").serviceLevelObjectives(BUCKETS).register(registry);
    }

    public static FindingMetrics none() {
        return new FindingMetrics(new CompositeMeterRegistry());
    }

    void record(Finding f) {
        counter(f.getDetector(), f.getSeverity().name()).increment();
        latency.record(Math.max(0, Duration.between(f.getEventTime(), f.getDetectedAt()).toMillis() / 1000.0));
    }

    private Counter counter(String detector, String severity) {
        return Counter.builder("vigil_findings_total").description("findings emitted").tag("detector", detector).tag("severity", severity).register(registry);
    }
}
