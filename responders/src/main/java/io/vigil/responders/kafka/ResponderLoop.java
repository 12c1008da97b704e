package io.vigil.responders.kafka;

import io.vigil.responders.Responder;
import io.vigil.responders.metrics.ResponderMetrics;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responders' consumer: reads {@code findings}, answers each with the {@link Responder}, writes the
 * ledger entries to {@code response.actions} keyed by idempotency key, and commits only after they are
 * written (at least once: a finding redelivered after a crash maps onto the same keys, and the adapters
 * see what is already done; at start the ledger is read back, so steps an earlier process executed are not
 * repeated even where the cloud no longer shows them). A record that cannot be read goes to {@code findings.dlq}; nothing stops the loop.
 */
public final class ResponderLoop {
    private volatile KafkaConsumer<String, byte[]> liveConsumer;
    public static final String GROUP = "vigil-responders";
    /** The actor named in the custody records the service writes. */
    static final String CUSTODIAN = "vigil-respond";
    private static final Logger LOG = LoggerFactory.getLogger(ResponderLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final TopicSpec<DeadLetter> DLQ = Topics.dlq(Topics.FINDINGS.name());

    private final Map<String, Object> kafkaProps;
    private final WireFormat wire;
    private final Responder responder;
    private final ResponderMetrics metrics;
    private CustodyLog custody = new CustodyLog();

    public ResponderLoop(Map<String, Object> kafkaProps, WireFormat wire, Responder responder) {
        this(kafkaProps, wire, responder, ResponderMetrics.none());
    }

    public ResponderLoop(Map<String, Object> kafkaProps, WireFormat wire, Responder responder, ResponderMetrics metrics) {
        this.kafkaProps = Map.copyOf(kafkaProps);
        this.wire = wire;
        this.responder = responder;
        this.metrics = metrics;
    }

    /**
     * Answers every finding from the group's committed position (the earliest, the first time) up to the
     * end offsets as they are now, then returns.
     *
     * @return the number of findings handled (dead-lettered records not counted)
     */
    public long drainToEnd() {
        responder.remember(LedgerReader.read(kafkaProps, wire));
        custody = CustodyLog.read(kafkaProps, wire);
        try (KafkaConsumer<String, byte[]> consumer = consumer(); KafkaProducer<String, byte[]> producer = producer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FINDINGS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                if (c == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, c.offset());
                }
            }
            long handled = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                handled += process(consumer.poll(POLL), consumer, producer);
            }
            return handled;
        }
    }

    /** The findings consumer's own metrics while {@link #runUntil} runs (for its lag), else none. */
    public Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric> consumerMetrics() {
        KafkaConsumer<String, byte[]> c = liveConsumer;
        try {
            return c == null ? Map.of() : c.metrics();
        } catch (RuntimeException e) {
            return Map.of(); // closed while being read
        }
    }

    /** Answers findings as they arrive until {@code stop} says so; partitions are shared within the group. */
    public void runUntil(BooleanSupplier stop) {
        responder.remember(LedgerReader.read(kafkaProps, wire));
        custody = CustodyLog.read(kafkaProps, wire);
        try (KafkaConsumer<String, byte[]> consumer = consumer(); KafkaProducer<String, byte[]> producer = producer()) {
            consumer.subscribe(List.of(Topics.FINDINGS.name()));
            liveConsumer = consumer;
            while (!stop.getAsBoolean()) {
                process(consumer.poll(POLL), consumer, producer);
            }
        }
    }

    private long process(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, byte[]> producer) {
        if (records.isEmpty()) {
            return 0;
        }
        long handled = 0;
        List<Future<RecordMetadata>> writes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> rec : records) {
            if (answer(rec, producer, writes)) {
                handled++;
            }
        }
        producer.flush();
        awaitWritten(writes);
        consumer.commitSync(records.partitions().stream().collect(Collectors.toMap(tp -> tp,
                tp -> new OffsetAndMetadata(records.records(tp).get(records.records(tp).size() - 1).offset() + 1))));
        return handled;
    }

    /** Offsets are committed only once every ledger entry and dead letter of the batch is on its topic. */
    private static void awaitWritten(List<Future<RecordMetadata>> writes) {
        try {
            for (Future<RecordMetadata> w : writes) {
                w.get();
            }
        } catch (ExecutionException e) {
            throw new KafkaException("writing the response ledger failed; offsets not committed, the batch will be answered again", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /** @return whether the record was a finding that was answered (as opposed to dead-lettered) */
    private boolean answer(ConsumerRecord<String, byte[]> rec, KafkaProducer<String, byte[]> producer, List<Future<RecordMetadata>> writes) {
        Finding finding;
        try {
            if (rec.value() == null) {
                throw new IllegalArgumentException("empty record");
            }
            finding = wire.decode(rec.topic(), rec.value(), Finding.class);
        } catch (RuntimeException e) {
            writes.add(deadLetter(rec, "undecodable_finding", e, producer));
            return false;
        }
        List<ResponseAction> actions;
        try {
            actions = responder.handle(finding);
        } catch (RuntimeException e) {
            // the responder turns action failures into ledger entries; this is a defect, kept for replay
            LOG.error("responding to finding {} failed", finding.getId(), e);
            writes.add(deadLetter(rec, "response_failed", e, producer));
            return false;
        }
        for (ResponseAction a : actions) {
            writes.add(producer.send(new ProducerRecord<>(Topics.RESPONSE_ACTIONS.name(), Topics.actionKey(a),
                    wire.encode(Topics.RESPONSE_ACTIONS.name(), a))));
            metrics.recorded(a);
        }
        for (CustodyRecord c : custody.recordsFor(actions, CUSTODIAN)) {
            writes.add(producer.send(new ProducerRecord<>(Topics.CUSTODY.name(), c.getCaseId(), wire.encode(Topics.CUSTODY.name(), c))));
        }
        return true;
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<String, byte[]> rec, String reason, RuntimeException e, KafkaProducer<String, byte[]> producer) {
        LOG.warn("{} at {} partition {} offset {}: {}", reason, rec.topic(), rec.partition(), rec.offset(), e.getMessage());
        DeadLetter letter = DeadLetters.of(rec, reason, e.getClass().getSimpleName() + ": " + e.getMessage(), wire.name());
        return producer.send(new ProducerRecord<>(DLQ.name(), rec.topic() + "/" + rec.partition() + "/" + rec.offset(), wire.encode(DLQ.name(), letter)));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> props = new HashMap<>(kafkaProps);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // actions can take minutes (snapshots); few records per poll keep the group from evicting us
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        props.putIfAbsent(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, Duration.ofMinutes(35).toMillis());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> props = new HashMap<>(kafkaProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
