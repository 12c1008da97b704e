package io.vigil.streams.detect.config;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.BaselineApproval;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The configuration family, built by its own addTo, under TopologyTestDriver. */
final class ConfigTopologyDriver implements AutoCloseable {
    static final WireFormat WIRE = new SingleObjectWireFormat();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ConfigChange> changes;
    private final TestInputTopic<String, BaselineApproval> approvals;
    private final TestInputTopic<String, AuditEvent> audit;
    private final TestOutputTopic<String, Finding> findings;

    ConfigTopologyDriver(Path state) {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "config-test"), state));
        StreamsBuilder builder = new StreamsBuilder();
        ConfigDetections.addTo(builder, DetectionContext.live(WIRE, CLOCK));
        driver = new TopologyTestDriver(builder.build(), props);
        changes = driver.createInputTopic(Topics.CONFIG_CHANGES.name(), Topics.CONFIG_CHANGES.keySerde().serializer(), Topics.CONFIG_CHANGES.valueSerde(WIRE).serializer());
        approvals = driver.createInputTopic(Topics.BASELINE_APPROVED.name(), Topics.BASELINE_APPROVED.keySerde().serializer(),
                Topics.BASELINE_APPROVED.valueSerde(WIRE).serializer());
        audit = driver.createInputTopic(Topics.AUDIT_EVENTS.name(), Topics.AUDIT_EVENTS.keySerde().serializer(), Topics.AUDIT_EVENTS.valueSerde(WIRE).serializer());
        findings = driver.createOutputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().deserializer(), Topics.FINDINGS.valueSerde(WIRE).deserializer());
    }

    void change(ConfigChange c) {
        changes.pipeInput(c.getResourceType() + "/" + c.getResourceId(), c, c.getCaptureTime());
    }

    void approve(BaselineApproval a) {
        approvals.pipeInput(a.getResourceType() + "/" + a.getResourceId(), a, a.getApprovedAt());
    }

    void withdraw(String key) {
        approvals.pipeInput(key, null);
    }

    void call(AuditEvent e) {
        audit.pipeInput(e.getPrincipalArn(), e, e.getEventTime());
    }

    List<Finding> findings() {
        return findings.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
