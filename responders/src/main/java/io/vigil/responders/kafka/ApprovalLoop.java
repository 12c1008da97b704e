package io.vigil.responders.kafka;

import io.vigil.responders.Responder;
import io.vigil.responders.ledger.Ledger;
import io.vigil.responders.metrics.ResponderMetrics;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responders' approvals consumer: follows the whole ledger ({@code response.actions}, every partition,
 * no group) and consumes {@code response.approvals} in the group {@value #GROUP}, so each approval is acted on
 * by one responder instance. After each batch of approvals it catches the ledger up, carries out what is now
 * approved ({@link Responder#carryOutApproved}), writes the results to {@code response.actions} and only then
 * commits. An approval that does not decode goes to {@code response.approvals.dlq}.
 */
public final class ApprovalLoop {
    public static final String GROUP = "vigil-responders-approvals";
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final TopicSpec<DeadLetter> DLQ = Topics.dlq(Topics.RESPONSE_APPROVALS.name());

    private final Map<String, Object> kafkaProps;
    private final WireFormat wire;
    private final Responder responder;
    private final ResponderMetrics metrics;

    public ApprovalLoop(Map<String, Object> kafkaProps, WireFormat wire, Responder responder, ResponderMetrics metrics) {
        this.kafkaProps = Map.copyOf(kafkaProps);
        this.wire = wire;
        this.responder = responder;
        this.metrics = metrics;
    }

    public void runUntil(BooleanSupplier stop) {
        Ledger ledger = new Ledger();
        try (KafkaConsumer<String, byte[]> actions = LedgerReader.consumer(kafkaProps); KafkaConsumer<String, byte[]> approvals = approvals();
             KafkaProducer<String, byte[]> producer = producer()) {
            List<TopicPartition> ledgerPartitions = actions.partitionsFor(Topics.RESPONSE_ACTIONS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            actions.assign(ledgerPartitions);
            actions.seekToBeginning(ledgerPartitions);
            approvals.subscribe(List.of(Topics.RESPONSE_APPROVALS.name()));
            while (!stop.getAsBoolean()) {
                ConsumerRecords<String, byte[]> batch = approvals.poll(POLL);
                if (batch.isEmpty()) {
                    continue;
                }
                catchUp(actions, ledgerPartitions, ledger);
                List<Future<RecordMetadata>> writes = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : batch) {
                    if (r.value() == null) {
                        continue;
                    }
                    try {
                        ResponseApproval approval = wire.decode(r.topic(), r.value(), ResponseApproval.class);
                        ledger.record(approval);
                        ledger.request(approval.getActionKey()).ifPresent(requested ->
                                metrics.approvalWaited(Duration.between(requested.getRequestedAt(), approval.getAt())));
                    } catch (RuntimeException e) {
                        LOG.warn("undecodable approval at partition {} offset {}: {}", r.partition(), r.offset(), e.getMessage());
                        DeadLetter letter = DeadLetters.of(r, "undecodable_approval", e.getClass().getSimpleName() + ": " + e.getMessage(), wire.name());
                        writes.add(producer.send(new ProducerRecord<>(DLQ.name(), r.topic() + "/" + r.partition() + "/" + r.offset(),
                                wire.encode(DLQ.name(), letter))));
                    }
                }
                for (ResponseAction a : responder.carryOutApproved(ledger)) {
                    writes.add(producer.send(new ProducerRecord<>(Topics.RESPONSE_ACTIONS.name(), Topics.actionKey(a),
                            wire.encode(Topics.RESPONSE_ACTIONS.name(), a))));
                    metrics.recorded(a);
                }
                producer.flush();
                awaitWritten(writes);
                approvals.commitSync();
            }
        }
    }

    /** Reads the ledger up to its current end, so the requests an approval refers to are known. */
    private void catchUp(KafkaConsumer<String, byte[]> actions, List<TopicPartition> partitions, Ledger ledger) {
        Map<TopicPartition, Long> end = actions.endOffsets(partitions);
        while (partitions.stream().anyMatch(tp -> actions.position(tp) < end.get(tp))) {
            for (ConsumerRecord<String, byte[]> r : actions.poll(Duration.ofMillis(200))) {
                LedgerReader.decode(wire, r, ResponseAction.class).ifPresent(ledger::record);
            }
        }
    }

    private static void awaitWritten(List<Future<RecordMetadata>> writes) {
        try {
            for (Future<RecordMetadata> w : writes) {
                w.get();
            }
        } catch (ExecutionException e) {
            throw new KafkaException("writing approved actions to the ledger failed; approvals not committed, they will be read again", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }

    private KafkaConsumer<String, byte[]> approvals() {
        Map<String, Object> props = new HashMap<>(kafkaProps);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> props = new HashMap<>(kafkaProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
