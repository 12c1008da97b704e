package io.vigil.collectors.publish;

import io.vigil.collectors.format.Collected;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.SourceCheckpoint;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes collected records and dead letters to Kafka, reporting each outcome to a callback so the
 * caller can count exactly what was published. Record timestamps are event times: everything
 * downstream (windows, baselines, hunts) runs on event time.
 *
 * <p>A transactional publisher ({@link #transactional}) puts records, dead letters and the
 * {@link SourceCheckpoint} accounting for them in one Kafka transaction: a collector killed mid-input
 * leaves nothing a read_committed consumer sees beyond its last checkpoint.
 */
public final class Publisher implements AutoCloseable {
    /** Room left in a request for the record's headers and batch framing. */
    private static final int FRAMING = 512;

    private final KafkaProducer<String, byte[]> producer;
    private final WireFormat wire;
    private final boolean transactional;
    private final int maxRecordBytes;
    private volatile Exception failure;

    public Publisher(Map<String, Object> kafkaProps, WireFormat wire) {
        this(kafkaProps, wire, null);
    }

    private Publisher(Map<String, Object> kafkaProps, WireFormat wire, String transactionalId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putAll(kafkaProps); // the user's Kafka client properties pass through untouched
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.wire = wire;
        this.transactional = transactionalId != null;
        this.maxRecordBytes = Integer.parseInt(String.valueOf(props.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576))) - FRAMING;
        if (transactional) {
            producer.initTransactions(); // fences a previous instance and aborts what it left open
        }
    }

    /**
     * A publisher whose writes are committed in transactions, one producer per collector id: starting
     * it fences any earlier instance with the same id and aborts that instance's open transaction.
     */
    public static Publisher transactional(Map<String, Object> kafkaProps, WireFormat wire, String transactionalId) {
        return new Publisher(kafkaProps, wire, transactionalId);
    }

    /** @param outcome receives null on success, the failure otherwise */
    public <V extends SpecificRecord> void publish(Collected<V> c, Consumer<Exception> outcome) {
        byte[] value;
        try {
            value = wire.encode(c.topic().name(), c.value());
        } catch (RuntimeException e) {
            outcome.accept(e);
            return;
        }
        send(new ProducerRecord<>(c.topic().name(), null, c.eventTime().toEpochMilli(), c.key(), value), outcome);
    }

    public void deadLetter(TopicSpec<DeadLetter> topic, String key, DeadLetter letter, Consumer<Exception> outcome) {
        byte[] value = wire.encode(topic.name(), letter);
        send(new ProducerRecord<>(topic.name(), null, letter.getFailedAt().toEpochMilli(), key, value), outcome);
    }

    /** Records progress inside the current transaction; key: collector id and unit. */
    public void checkpoint(SourceCheckpoint checkpoint) {
        requireTransactional();
        String topic = Topics.COLLECTOR_CHECKPOINTS.name();
        send(new ProducerRecord<>(topic, null, checkpoint.getUpdatedAt().toEpochMilli(), checkpointKey(checkpoint.getCollector(), checkpoint.getUnit()),
                wire.encode(topic, checkpoint)), e -> {});
    }

    public static String checkpointKey(String collector, String unit) {
        return collector + "|" + unit;
    }

    private void send(ProducerRecord<String, byte[]> record, Consumer<Exception> outcome) {
        int keyChars = record.key() == null ? 0 : record.key().length();
        // A UTF-8 char takes at most 3 bytes: the key is encoded to measure it only when that bound could exceed the limit.
        int size = record.value().length + (record.value().length + 3 * keyChars <= maxRecordBytes ? keyChars
                : record.key().getBytes(StandardCharsets.UTF_8).length);
        if (size > maxRecordBytes) {
            // Refused here rather than by the producer: a refusal inside a transaction would abort it.
            outcome.accept(new RecordTooLargeException("record of " + size + " bytes exceeds max.request.size less framing (" + maxRecordBytes + ")"));
            return;
        }
        try {
            producer.send(record, (meta, e) -> {
                if (e != null && transactional) {
                    failure = e; // the transaction will not commit; the whole chunk is retried, so nothing is counted
                } else {
                    outcome.accept(e);
                }
            });
        } catch (RuntimeException e) {
            if (transactional) {
                failure = e;
            } else {
                outcome.accept(e);
            }
        }
    }

    public void begin() {
        requireTransactional();
        failure = null;
        producer.beginTransaction();
    }

    /** Commits what was sent since {@link #begin()}, or aborts it and says why. */
    public void commit() {
        requireTransactional();
        try {
            if (failure != null) {
                throw new KafkaException("a write of this transaction failed", failure);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw new TransactionFailedException("another collector with the same id took over", e, true);
        } catch (KafkaException e) {
            abort();
            throw new TransactionFailedException("transaction aborted: " + e.getMessage(), e, false);
        }
    }

    /** Drops what was sent since {@link #begin()}. */
    public void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException ignored) {
            // fenced or fatal: nothing of the transaction can be committed any more, which is the point
        }
    }

    private void requireTransactional() {
        if (!transactional) {
            throw new IllegalStateException("not a transactional publisher");
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** A transaction did not commit: nothing it held is visible. {@code fatal}: this publisher cannot go on. */
    public static final class TransactionFailedException extends RuntimeException {
        private final boolean fatal;

        public TransactionFailedException(String message, Throwable cause, boolean fatal) {
            super(message, cause);
            this.fatal = fatal;
        }

        public boolean fatal() {
            return fatal;
        }
    }
}
