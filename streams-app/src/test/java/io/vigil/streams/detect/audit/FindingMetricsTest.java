package io.vigil.streams.detect.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.FindingMetrics;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilTopology;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings are counted by detector and severity, from zero, with their detection latency. */
class FindingMetricsTest {
    @TempDir
    Path state;

    @Test
    void countsFindingsAndLatency() {
        var wire = new SingleObjectWireFormat();
        var registry = new SimpleMeterRegistry();
        Clock clock = Clock.fixed(Instant.parse("2024-08-18T13:01:37Z"), ZoneOffset.UTC);
        var ctx = DetectionContext.live(wire, clock).withMetrics(new FindingMetrics(registry));
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "m"), state));
        assertThat(registry.get("vigil_findings_total").tag("detector", "audit.sensitive_call").tag("severity", "CRITICAL").counter().count())
                .as("known series exist at zero before any finding").isZero();
        try (var driver = new TopologyTestDriver(VigilTopology.build(ctx), props)) {
            var in = driver.createInputTopic(Topics.AUDIT_EVENTS.name(), Topics.AUDIT_EVENTS.keySerde().serializer(), Topics.AUDIT_EVENTS.valueSerde(wire).serializer());
            in.pipeInput("k", AuditEvents.event("e-1", "cloudtrail.amazonaws.com", "StopLogging", null));
        }
        assertThat(registry.get("vigil_findings_total").tag("detector", "audit.sensitive_call").tag("severity", "HIGH").counter().count()).isEqualTo(1.0);
        var latency = registry.get("vigil_detection_latency_seconds").summary();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalAmount()).isEqualTo(30.0);
    }
}
