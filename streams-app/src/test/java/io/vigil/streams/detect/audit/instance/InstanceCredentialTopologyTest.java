package io.vigil.streams.detect.audit.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.detect.audit.AuditDetections;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit family (built by its own addTo) under TopologyTestDriver: instance credentials used inside and outside. */
class InstanceCredentialTopologyTest {
    private final WireFormat wire = new SingleObjectWireFormat();
    private final Clock clock = Clock.fixed(Instant.parse("2024-05-02T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path state;

    private List<Finding> run(Map<String, Object> config, AuditEvent... events) {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "t"), state));
        StreamsBuilder builder = new StreamsBuilder();
        AuditDetections.addTo(builder, DetectionContext.live(wire, clock).withConfig(config));
        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            var in = driver.createInputTopic(Topics.AUDIT_EVENTS.name(), Topics.AUDIT_EVENTS.keySerde().serializer(),
                    Topics.AUDIT_EVENTS.valueSerde(wire).serializer());
            var out = driver.createOutputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().deserializer(),
                    Topics.FINDINGS.valueSerde(wire).deserializer());
            for (AuditEvent e : events) {
                in.pipeInput(e.getPrincipalArn(), e, e.getEventTime());
            }
            return out.readValuesToList().stream().filter(f -> f.getDetector().equals(InstanceCredentialDetector.DETECTOR)).toList();
        }
    }

    @Test
    void stolenCredentialsFromALaptopAreReportedCitingEachCall() {
        AuditEvent a = InstanceCredentialDetectorTest.call("i-0317f6c6b66ae9c40", "ASIAKEY1", "1.2.3.4", "aws-cli/1.18 Python/3.8 Darwin/19.6.0", 0);
        AuditEvent b = InstanceCredentialDetectorTest.call("i-0317f6c6b66ae9c40", "ASIAKEY1", "1.2.3.4", "aws-cli/1.18 Python/3.8 Darwin/19.6.0", 1);
        List<Finding> found = run(Map.of(), a, b);
        assertThat(found).hasSize(2);
        assertThat(found).allSatisfy(f -> {
            assertThat(f.getSeverity().name()).isEqualTo("HIGH");
            assertThat(f.getEntity()).isEqualTo("i-0317f6c6b66ae9c40");
            assertThat(f.getEntityType()).isEqualTo("instance");
        });
        assertThat(found.get(0).getSources()).singleElement().satisfies(s -> {
            assertThat(s.getTopic()).isEqualTo("audit.events");
            assertThat(s.getRecordId()).isEqualTo("e-0");
        });
        assertThat(found.get(1).getSources().get(0).getRecordId()).isEqualTo("e-1");
    }

    @Test
    void estateNetworksFromTheConfigKeepTheInstanceQuiet() {
        AuditEvent own = InstanceCredentialDetectorTest.call("i-0aaa1111bbbb2222c", "ASIAKEY1", "203.0.113.5", "Boto3/1.28 Linux/6.1", 0);
        AuditEvent foreign = InstanceCredentialDetectorTest.call("i-0aaa1111bbbb2222c", "ASIAKEY1", "198.51.100.9", "Boto3/1.28 Linux/6.1", 1);
        List<Finding> found = run(Map.of(InstanceCredentialSettings.ESTATE_NETWORKS, "203.0.113.0/28"), own, foreign);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.getSeverity().name()).isEqualTo("MEDIUM");
            assertThat(f.getEvidence().getObserved()).containsEntry("source_ip", "198.51.100.9");
            assertThat(f.getEvidence().getBaseline()).containsEntry("estate_networks", "203.0.113.0/28");
        });
    }
}
