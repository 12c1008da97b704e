package io.vigil.streams.detect.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
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

/** The audit family under TopologyTestDriver, built by the same function the app uses. */
class AuditDetectionsTopologyTest {
    private final WireFormat wire = new SingleObjectWireFormat();
    private final Clock clock = Clock.fixed(Instant.parse("2024-08-18T13:05:00Z"), ZoneOffset.UTC);

    @TempDir
    Path state;

    @Test
    void sensitiveCallBecomesAFindingCitingItsSource() {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "t"), state));
        try (var driver = new TopologyTestDriver(VigilTopology.build(wire, clock), props)) {
            var in = driver.createInputTopic(Topics.AUDIT_EVENTS.name(), Topics.AUDIT_EVENTS.keySerde().serializer(),
                    Topics.AUDIT_EVENTS.valueSerde(wire).serializer());
            var out = driver.createOutputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().deserializer(),
                    Topics.FINDINGS.valueSerde(wire).deserializer());
            AuditEvent benign = AuditEvents.event("e-0", "s3.amazonaws.com", "ListBuckets", null);
            AuditEvent evasion = AuditEvents.event("e-1", "cloudtrail.amazonaws.com", "DeleteTrail", null);
            in.pipeInput("k", benign, benign.getEventTime());
            in.pipeInput("k", evasion, evasion.getEventTime());

            var records = out.readKeyValuesToList();
            assertThat(records).hasSize(1);
            Finding f = records.get(0).value;
            assertThat(records.get(0).key).isEqualTo(f.getEntity());
            assertThat(f.getSources()).singleElement().satisfies(s -> {
                assertThat(s.getTopic()).isEqualTo("audit.events");
                assertThat(s.getOffset()).isEqualTo(1L);
                assertThat(s.getRecordId()).isEqualTo("e-1");
            });
            assertThat(f.getEventTime()).isEqualTo(evasion.getEventTime());
            assertThat(f.getDetectedAt()).isEqualTo(clock.instant());
        }
    }

    @Test
    void sameInputGivesSameFindingId() {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "t"), state));
        String first = null;
        for (int run = 0; run < 2; run++) {
            try (var driver = new TopologyTestDriver(VigilTopology.build(wire, Clock.systemUTC()), props)) {
                var in = driver.createInputTopic(Topics.AUDIT_EVENTS.name(), Topics.AUDIT_EVENTS.keySerde().serializer(),
                        Topics.AUDIT_EVENTS.valueSerde(wire).serializer());
                var out = driver.createOutputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().deserializer(),
                        Topics.FINDINGS.valueSerde(wire).deserializer());
                in.pipeInput("k", AuditEvents.event("e-7", "cloudtrail.amazonaws.com", "StopLogging", null));
                String id = out.readValue().getId();
                if (first == null) {
                    first = id;
                } else {
                    assertThat(id).isEqualTo(first);
                }
            }
        }
    }

    @Test
    void everyProcessorAndSinkIsNamed() {
        String description = VigilTopology.build(wire, clock).describe().toString();
        assertThat(description).contains("audit-events-source", "audit-sensitive-call", "audit-sensitive-call-findings")
                .doesNotContain("KSTREAM-");
    }
}
