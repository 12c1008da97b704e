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
    void repeatsOfACallAreOneFindingWithACountUntilTheWindowCloses() {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "t"), state));
        try (var driver = new TopologyTestDriver(VigilTopology.build(wire, clock), props)) {
            var in = driver.createInputTopic(Topics.AUDIT_EVENTS.name(), Topics.AUDIT_EVENTS.keySerde().serializer(),
                    Topics.AUDIT_EVENTS.valueSerde(wire).serializer());
            var out = driver.createOutputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().deserializer(),
                    Topics.FINDINGS.valueSerde(wire).deserializer());
            // Thirty denied password reads in half a minute, newest first as CloudTrail files hold them, one duplicate.
            for (int i = 29; i >= 0; i--) {
                pipe(in, password("p-" + i, AuditEvents.T.plusSeconds(i)));
            }
            pipe(in, password("p-7", AuditEvents.T.plusSeconds(7)));
            // The same call succeeding is another finding; the same denied call two hours later opens a new window.
            AuditEvent succeeded = password("p-ok", AuditEvents.T.plusSeconds(40));
            succeeded.setErrorCode(null);
            pipe(in, succeeded);
            pipe(in, password("p-later", AuditEvents.T.plusSeconds(7200)));

            Map<String, Finding> latest = new java.util.LinkedHashMap<>();
            var all = out.readValuesToList();
            all.stream().filter(f -> f.getDetector().equals("audit.sensitive_call")).forEach(f -> latest.put(f.getId(), f));
            assertThat(latest).hasSize(3);
            Finding burst = latest.values().iterator().next();
            assertThat(burst.getEvidence().getObserved()).containsEntry("count", "30").containsEntry("first_event_id", "p-29")
                    .containsEntry("first_seen", AuditEvents.T.toString()).containsEntry("last_seen", AuditEvents.T.plusSeconds(29).toString());
            assertThat(burst.getSummary()).contains("Repeated 30 times");
            assertThat(burst.getSources()).hasSize(20);
            assertThat(burst.getEventTime()).isEqualTo(AuditEvents.T.plusSeconds(29));
            assertThat(latest.values()).extracting(f -> f.getSeverity().name()).containsExactly("LOW", "MEDIUM", "LOW");
            assertThat(latest.values().stream().skip(1)).allSatisfy(f -> assertThat(f.getEvidence().getObserved()).doesNotContainKey("count"));
        }
    }

    private static AuditEvent password(String id, Instant time) {
        AuditEvent e = AuditEvents.event(id, "ec2.amazonaws.com", "GetPasswordData", "Client.UnauthorizedOperation");
        e.setEventTime(time);
        e.setRequestParameters("{\"instanceId\":\"i-" + id + "\"}");
        return e;
    }

    private static void pipe(org.apache.kafka.streams.TestInputTopic<String, AuditEvent> in, AuditEvent e) {
        in.pipeInput(e.getPrincipalArn(), e, e.getEventTime());
    }

    @Test
    void everyProcessorAndSinkIsNamed() {
        String description = VigilTopology.build(wire, clock).describe().toString();
        assertThat(description).contains("audit-events-source", "audit-sensitive-call", "audit-sensitive-call-findings")
                .doesNotContain("KSTREAM-");
    }
}
