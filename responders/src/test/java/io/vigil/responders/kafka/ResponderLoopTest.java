package io.vigil.responders.kafka;

import static io.vigil.responders.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.responders.Responder;
import io.vigil.responders.ResponsePorts;
import io.vigil.responders.playbook.PlaybookCatalog;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.Severity;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The loop on a real broker: findings in, ledger entries out, garbage to the dead-letter topic, and no repeats. */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResponderLoopTest {
    private static final WireFormat WIRE = new SingleObjectWireFormat();
    private static final Finding EXFIL = finding("f-exfil", "flow.exfiltration", Severity.CRITICAL, "i-0abc");
    private static final Finding KEY = finding("f-key", "audit.sensitive_call", Severity.HIGH, "arn:aws:iam::123456789012:user/alice",
            Map.of("access_key_id", "AKIAEXAMPLE"), List.of());

    private Map<String, Object> kafka;
    private Responder responder;

    @BeforeAll
    void topics(EmbeddedKafka broker) throws Exception {
        kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanup().kafkaValue()))).toList()).all().get();
        }
        responder = Responder.of(PlaybookCatalog.load(Optional.empty()), ResponsePorts.unread("no cloud in this test"), false);
    }

    @Test
    @Order(1)
    void drainsFindingsToActionsAndGarbageToTheDeadLetterTopic() throws Exception {
        long garbageOffset;
        try (KafkaProducer<String, byte[]> p = producer()) {
            send(p, EXFIL);
            garbageOffset = p.send(new ProducerRecord<>(Topics.FINDINGS.name(), 0, "i-0abc", "not a finding".getBytes(StandardCharsets.UTF_8)))
                    .get().offset();
            send(p, KEY);
        }

        assertThat(new ResponderLoop(kafka, WIRE, responder).drainToEnd()).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> actions = readAll(Topics.RESPONSE_ACTIONS.name(), 7);
        assertThat(actions).hasSize(7).allSatisfy(r -> {
            ResponseAction a = WIRE.decode(r.topic(), r.value(), ResponseAction.class);
            assertThat(r.key()).isEqualTo(Topics.actionKey(a));
            assertThat(a.getStatus()).isIn(ActionStatus.PLANNED, ActionStatus.SKIPPED);
            assertThat(a.getDryRun()).isTrue();
        });
        List<ConsumerRecord<String, byte[]>> dead = readAll("findings.dlq", 1);
        assertThat(dead).hasSize(1);
        DeadLetter letter = WIRE.decode("findings.dlq", dead.get(0).value(), DeadLetter.class);
        assertThat(letter.getReason()).isEqualTo("undecodable_finding");
        assertThat(letter.getSourceTopic()).isEqualTo("findings");
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isEqualTo(garbageOffset);
        assertThat(letter.getPayloadLength()).isEqualTo("not a finding".length());
    }

    @Test
    @Order(2)
    void aRerunStartsFromTheCommittedPositionAndARedeliveryMapsOntoTheSameKeys() throws Exception {
        ResponderLoop loop = new ResponderLoop(kafka, WIRE, responder);
        assertThat(loop.drainToEnd()).isZero();
        assertThat(readAll(Topics.RESPONSE_ACTIONS.name(), 7)).hasSize(7);

        try (KafkaProducer<String, byte[]> p = producer()) {
            send(p, EXFIL);
        }
        assertThat(loop.drainToEnd()).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> actions = readAll(Topics.RESPONSE_ACTIONS.name(), 10);
        assertThat(actions).hasSize(10);
        assertThat(actions.stream().map(ConsumerRecord::key).distinct()).hasSize(7);
    }

    @Test
    @Order(3)
    void theServiceAnswersFindingsAsTheyArriveUntilStopped() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread service = new Thread(() -> new ResponderLoop(kafka, WIRE, responder).runUntil(stop::get), "responder-service");
        service.start();
        try (KafkaProducer<String, byte[]> p = producer()) {
            send(p, finding("f-live", "flow.port_scan", Severity.HIGH, "i-0def"));
        }
        assertThat(readAll(Topics.RESPONSE_ACTIONS.name(), 13)).hasSize(13);
        stop.set(true);
        service.join(Duration.ofSeconds(30).toMillis());
        assertThat(service.isAlive()).isFalse();
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> p, Finding f) throws Exception {
        p.send(new ProducerRecord<>(Topics.FINDINGS.name(), 0, f.getEntity(), WIRE.encode(Topics.FINDINGS.name(), f))).get();
    }

    /** Everything on the topic, waiting until at least {@code atLeast} records arrived. */
    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(kafka, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= atLeast && partitions.stream().allMatch(tp -> c.position(tp) >= end.get(tp));
            });
            return out;
        }
    }
}
