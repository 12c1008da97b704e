package io.vigil.responders.kafka;

import static io.vigil.responders.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.responders.Responder;
import io.vigil.responders.ResponsePorts;
import io.vigil.responders.aws.Estate;
import io.vigil.responders.ledger.Ledger;
import io.vigil.responders.playbook.PlaybookCatalog;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The same finding delivered twice, the second time to a restarted responder after the containment was
 * lifted: one set of actions. The cloud no longer shows the containment, so only the ledger read back at
 * start can tell, and it does: the instance stays restored, no second snapshot, no second notification.
 */
@ExtendWith({EmbeddedKafkaExtension.class, MotoExtension.class})
class RedeliveryTest {
    private static final WireFormat WIRE = new SingleObjectWireFormat();

    @Test
    void aFindingRedeliveredToARestartedResponderAfterARestoreRepeatsNothing(EmbeddedKafka broker, MotoServer moto) throws Exception {
        Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanup().kafkaValue()))).toList()).all().get();
        }
        try (Estate estate = new Estate(moto.endpoint());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer())) {
            String instance = estate.instance("/dev/sda1");
            Finding f = finding("f-redelivered", "flow.exfiltration", Severity.CRITICAL, instance);
            send(producer, Topics.FINDINGS.name(), instance, WIRE.encode(Topics.FINDINGS.name(), f));

            try (Responder first = responder(estate)) {
                assertThat(new ResponderLoop(kafka, WIRE, first).drainToEnd()).isEqualTo(1);
                Ledger ledger = LedgerReader.read(kafka, WIRE);
                String caseId = ledger.executedEntries().get(0).getDetails().get("case_id");
                for (ResponseAction r : first.requestRestore(ledger, caseId, "alice")) {
                    ledger.record(r);
                    ledger.record(ResponseApproval.newBuilder().setActionKey(r.getIdempotencyKey()).setCaseId(caseId).setApprover("bob")
                            .setDecision(ApprovalDecision.APPROVED).setAt(Instant.now()).build());
                }
                for (ResponseAction done : first.carryOutApproved(ledger)) {
                    assertThat(done.getStatus()).isEqualTo(ActionStatus.REVERTED);
                    send(producer, Topics.RESPONSE_ACTIONS.name(), Topics.actionKey(done), WIRE.encode(Topics.RESPONSE_ACTIONS.name(), done));
                }
            }
            assertThat(estate.groups(instance)).containsExactly(estate.web);
            assertThat(estate.snapshots(instance)).hasSize(1);

            send(producer, Topics.FINDINGS.name(), instance, WIRE.encode(Topics.FINDINGS.name(), f));
            try (Responder restarted = responder(estate)) {
                assertThat(new ResponderLoop(kafka, WIRE, restarted).drainToEnd()).isEqualTo(1);
            }

            assertThat(estate.groups(instance)).as("not contained again").containsExactly(estate.web);
            assertThat(estate.snapshots(instance)).hasSize(1);
            Ledger after = LedgerReader.read(kafka, WIRE);
            List<ResponseAction> skipped = after.caseEntries(after.executedEntries().get(0).getDetails().get("case_id")).stream()
                    .filter(a -> a.getStatus() == ActionStatus.SKIPPED).toList();
            assertThat(skipped).extracting(ResponseAction::getActionType).containsExactlyInAnyOrder("instance.contain", "volume.snapshot", "notify.case");
            assertThat(skipped).allSatisfy(a -> assertThat(a.getPlan()).startsWith("already executed for this finding"));

            // the chain of custody holds the one snapshot, once, and verifies
            var chains = CustodyLog.chains(kafka, WIRE);
            assertThat(chains).hasSize(1);
            List<io.vigil.schemas.CustodyRecord> chain = chains.values().iterator().next();
            assertThat(chain).singleElement().satisfies(r -> {
                assertThat(r.getAction()).isEqualTo("volume.snapshot EXECUTED");
                assertThat(r.getEvidence()).containsEntry("snapshot." + estate.describe(instance).blockDeviceMappings().get(0).ebs().volumeId(),
                        estate.snapshots(instance).get(0).snapshotId());
            });
            assertThat(io.vigil.responders.custody.CustodyChain.verify(chain)).isEmpty();
        }
    }

    private static Responder responder(Estate estate) {
        return Responder.of(PlaybookCatalog.load(Optional.empty()), ResponsePorts.executing(estate.aws), true);
    }

    private static void send(KafkaProducer<String, byte[]> p, String topic, String key, byte[] value) throws Exception {
        p.send(new ProducerRecord<>(topic, key, value)).get();
    }
}
