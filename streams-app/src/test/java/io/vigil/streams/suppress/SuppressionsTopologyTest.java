package io.vigil.streams.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Origin;
import io.vigil.schemas.Suppression;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.streams.app.DetectionContext;
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

/** The whole topology: a suppression on the topic silences the findings it covers, others pass, a tombstone lifts it. */
class SuppressionsTopologyTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String BOB = "arn:aws:iam::123456789012:user/bob";

    @TempDir
    Path state;

    private static AuditEvent stopLogging(String id, String principal, Instant at) {
        return AuditEvent.newBuilder().setEventId(id).setEventTime(at).setEventSource("cloudtrail.amazonaws.com").setEventName("StopLogging")
                .setPrincipalType("IAMUser").setPrincipalArn(principal).setPrincipalAccount("123456789012").setSourceIp("198.51.100.7")
                .setRaw("{}").setOrigin(new Origin("test", "record 1", "cloudtrail", at)).build();
    }

    @Test
    void suppressedFindingsAreNotWrittenUntilTheSuppressionIsLifted() {
        var wire = new SingleObjectWireFormat();
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "suppress"), state));
        Clock clock = Clock.fixed(T.plusSeconds(30), ZoneOffset.UTC);
        try (var driver = new TopologyTestDriver(VigilTopology.build(DetectionContext.live(wire, clock)), props)) {
            var suppressions = driver.createInputTopic(Topics.SUPPRESSIONS.name(), Topics.SUPPRESSIONS.keySerde().serializer(),
                    Topics.SUPPRESSIONS.valueSerde(wire).serializer());
            var audit = driver.createInputTopic(Topics.AUDIT_EVENTS.name(), Topics.AUDIT_EVENTS.keySerde().serializer(),
                    Topics.AUDIT_EVENTS.valueSerde(wire).serializer());
            var findings = driver.createOutputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().deserializer(),
                    Topics.FINDINGS.valueSerde(wire).deserializer());

            var raw = driver.createInputTopic(Topics.SUPPRESSIONS.name(), new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer());
            raw.pipeInput("garbage", new byte[] {1, 2, 3}); // undecodable: skipped, the store goes on
            suppressions.pipeInput("change-1234", Suppression.newBuilder().setId("change-1234").setDetector("audit.*").setEntity(ALICE)
                    .setReason("CHG-1234: trail migration").setCreatedBy("carol").setCreatedAt(T).build());
            audit.pipeInput(ALICE, stopLogging("e-1", ALICE, T));
            audit.pipeInput(BOB, stopLogging("e-2", BOB, T));
            assertThat(findings.readValuesToList()).extracting(Finding::getEntity).containsOnly(BOB);

            suppressions.pipeInput("change-1234", null);
            audit.pipeInput(ALICE, stopLogging("e-3", ALICE, T.plusSeconds(7200)));
            assertThat(findings.readValuesToList()).extracting(Finding::getEntity).contains(ALICE);
        }
    }
}
