package io.vigil.responders.kafka;

import static io.vigil.responders.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.responders.Responder;
import io.vigil.responders.ResponsePorts;
import io.vigil.responders.aws.Estate;
import io.vigil.responders.ledger.Ledger;
import io.vigil.responders.metrics.ResponderMetrics;
import io.vigil.responders.playbook.PlaybookCatalog;
import io.vigil.responders.playbook.PlaybookParser;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ApprovalDecision;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.Severity;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A step that requires approval, end to end on a real broker and moto_server: the finding gives a REQUESTED
 * entry and the instance is untouched; the approval of the playbook's own configurer does not count (four
 * eyes); another person's approval on {@code response.approvals} makes the service contain the instance and
 * record who approved.
 */
@ExtendWith({EmbeddedKafkaExtension.class, MotoExtension.class})
class ApprovalLoopTest {
    private static final WireFormat WIRE = new SingleObjectWireFormat();

    @Test
    void aStepWaitsForAnotherPersonsApprovalThenRuns(EmbeddedKafka broker, MotoServer moto) throws Exception {
        Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanup().kafkaValue()))).toList()).all().get();
        }
        PlaybookCatalog catalog = new PlaybookCatalog(List.of(PlaybookParser.parse("careful.yaml", new StringReader("""
                name: careful
                configured_by: alice
                four_eyes: true
                match: {detector: "flow.*", entity_type: instance}
                steps:
                  - {name: contain, action: instance.contain, requires_approval: true}
                """))));
        AtomicBoolean stop = new AtomicBoolean();
        try (Estate estate = new Estate(moto.endpoint());
             Responder responder = Responder.of(catalog, ResponsePorts.executing(estate.aws), true);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer())) {
            String instance = estate.instance("/dev/sda1");
            Finding f = finding("f-approve", "flow.port_scan", Severity.HIGH, instance);
            producer.send(new ProducerRecord<>(Topics.FINDINGS.name(), instance, WIRE.encode(Topics.FINDINGS.name(), f))).get();
            new ResponderLoop(kafka, WIRE, responder).drainToEnd();
            ResponseAction request = LedgerReader.read(kafka, WIRE).awaitingApproval().get(0);
            assertThat(request.getDetails()).containsEntry("configured_by", "alice").containsEntry("four_eyes", "true")
                    .containsEntry("requested_by", "vigil-respond");

            Thread service = new Thread(() -> new ApprovalLoop(kafka, WIRE, responder, ResponderMetrics.none()).runUntil(stop::get), "approvals");
            service.start();
            approve(producer, request, "alice");
            approve(producer, request, "bob");

            await().atMost(Duration.ofSeconds(60)).until(() -> LedgerReader.read(kafka, WIRE).executed(request.getIdempotencyKey()));
            Ledger ledger = LedgerReader.read(kafka, WIRE);
            ResponseAction done = ledger.entry(request.getIdempotencyKey(), ActionStatus.EXECUTED).orElseThrow();
            assertThat(done.getApprovals()).extracting(a -> a.getApprover()).containsExactly("bob");
            assertThat(done.getDetails()).containsEntry("configured_by", "alice");
            assertThat(estate.groups(instance)).doesNotContain(estate.web);
            assertThat(ledger.awaitingApproval()).isEmpty();
            stop.set(true);
            service.join(Duration.ofSeconds(30).toMillis());
        }
    }

    private static void approve(KafkaProducer<String, byte[]> producer, ResponseAction request, String approver) throws Exception {
        ResponseApproval a = ResponseApproval.newBuilder().setActionKey(request.getIdempotencyKey()).setCaseId(request.getDetails().get("case_id"))
                .setApprover(approver).setDecision(ApprovalDecision.APPROVED).setAt(Instant.now()).setComment(null).build();
        producer.send(new ProducerRecord<>(Topics.RESPONSE_APPROVALS.name(), Topics.approvalKey(a), WIRE.encode(Topics.RESPONSE_APPROVALS.name(), a))).get();
    }
}
