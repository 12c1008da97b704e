package io.vigil.reports;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.action;
import static io.vigil.reports.TestRecords.audit;
import static io.vigil.reports.TestRecords.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ApprovalDecision;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceRef;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.AvroSerde;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil report --case}: one case's facts, written to their topics as the services write them, read back as an incident report. */
@ExtendWith(EmbeddedKafkaExtension.class)
class CaseReportIntegrationTest {
    private static final WireFormat WIRE = new SingleObjectWireFormat();
    private static final String CASE = "case-0123456789abcdef";

    private static <V extends SpecificRecord> RecordMetadata send(KafkaProducer<byte[], byte[]> p, TopicSpec<V> topic, String key, V value) throws Exception {
        byte[] bytes = new AvroSerde<>(topic.valueType(), WIRE).serializer().serialize(topic.name(), value);
        return p.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8), bytes)).get();
    }

    @Test
    void anIncidentReportTellsTheCaseInTimeOrder(EmbeddedKafka kafka, @TempDir Path out) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)).toList()).all().get();
        }
        String alice = "arn:aws:iam::123456789012:user/alice";
        try (var p = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            send(p, Topics.AUDIT_EVENTS, alice, audit("e-0", alice, T0.minusSeconds(60)).build());
            RecordMetadata stop = send(p, Topics.AUDIT_EVENTS, alice, audit("e-1", alice, T0).setEventName("StopLogging")
                    .setEventSource("cloudtrail.amazonaws.com").setSourceIp("203.0.113.9").build());
            Finding f = finding("f-1", "audit.sensitive_call", Severity.HIGH, T0, 4)
                    .setSources(List.of(new SourceRef("audit.events", stop.partition(), stop.offset(), "e-1"))).build();
            send(p, Topics.FINDINGS, alice, f);
            send(p, Topics.FINDINGS, alice, finding("f-other", "flow.port_scan", Severity.LOW, T0, 1).build());
            send(p, Topics.RESPONSE_ACTIONS, "k1/REQUESTED", action("k1", "f-1", ActionStatus.REQUESTED, T0.plusSeconds(10))
                    .setDetails(Map.of("case_id", CASE)).build());
            send(p, Topics.RESPONSE_ACTIONS, "k1/EXECUTED", action("k1", "f-1", ActionStatus.EXECUTED, T0.plusSeconds(10)).setDryRun(false)
                    .setCompletedAt(T0.plusSeconds(90)).setDetails(Map.of("case_id", CASE)).build());
            send(p, Topics.RESPONSE_ACTIONS, "k2/PLANNED", action("k2", "f-other", ActionStatus.PLANNED, T0.plusSeconds(5))
                    .setDetails(Map.of("case_id", "case-another")).build());
            send(p, Topics.RESPONSE_APPROVALS, "k1/bob", new ResponseApproval("k1", CASE, "bob", ApprovalDecision.APPROVED, T0.plusSeconds(60), "go"));
            send(p, Topics.CUSTODY, CASE, new CustodyRecord(CASE, 0L, T0.plusSeconds(95), "vigil-respond", "volume.snapshot EXECUTED", "k1",
                    Map.of("vol-1", "snap-1"), "0".repeat(64), "h0"));
            send(p, Topics.CUSTODY, CASE, new CustodyRecord(CASE, 1L, T0.plusSeconds(96), "vigil-respond", "volume.forensic_copy EXECUTED", "k1",
                    Map.of("snap-1", "snap-9"), "h0", "h1"));
        }
        ReportCommand command = new ReportCommand(Map.of("bootstrap.servers", bootstrap), WIRE);

        List<Path> files = command.renderCase(CASE, out);

        assertThat(files).extracting(x -> x.getFileName().toString()).containsExactly("incident-" + CASE + ".html", "incident-" + CASE + ".md",
                "incident-" + CASE + "-timeline.csv", "incident-" + CASE + "-findings.csv", "incident-" + CASE + "-actions.csv",
                "incident-" + CASE + "-approvals.csv", "incident-" + CASE + "-custody.csv", "incident-" + CASE + "-events.csv");
        List<String> timeline = Files.readAllLines(out.resolve("incident-" + CASE + "-timeline.csv")).stream().skip(1).toList();
        assertThat(timeline).hasSize(7);
        assertThat(timeline.get(0)).contains(",event,", "cloudtrail.amazonaws.com StopLogging", "from 203.0.113.9").doesNotContain("null");
        assertThat(timeline.get(1)).contains(",finding,", "HIGH audit.sensitive_call");
        assertThat(timeline.get(2)).contains(",action,", "REQUESTED");
        assertThat(timeline.get(3)).contains(",approval,", ",bob,", "approved k1");
        assertThat(timeline.get(4)).contains(",action,", "EXECUTED");
        assertThat(timeline.get(5)).contains(",custody,", "#0 volume.snapshot EXECUTED");
        assertThat(timeline.get(6)).contains("#1 volume.forensic_copy EXECUTED");
        String md = Files.readString(out.resolve("incident-" + CASE + ".md"));
        assertThat(md).contains("# Incident report: " + CASE, "Custody records: **2 (chain linked)**", "Time to respond: **6 s**")
                .doesNotContain("f-other", "port\\_scan");

        assertThatThrownBy(() -> command.renderCase("case-unknown", out)).hasMessageContaining("--case case-unknown: no entry of response.actions");
        assertThatThrownBy(() -> command.renderCase("../etc", out)).hasMessageContaining("--case '../etc'");
    }
}
