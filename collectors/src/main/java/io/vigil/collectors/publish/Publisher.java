package io.vigil.collectors.publish;

import io.vigil.collectors.format.Collected;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.wire.WireFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes collected records and dead letters to Kafka, reporting each outcome to a callback so the
 * caller can count exactly what was published. Record timestamps are event times: everything
 * downstream (windows, baselines, hunts) runs on event time.
 */
public final class Publisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final WireFormat wire;

    public Publisher(Map<String, Object> kafkaProps, WireFormat wire) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putAll(kafkaProps); // the user's Kafka client properties pass through untouched
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.wire = wire;
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

    private void send(ProducerRecord<String, byte[]> record, Consumer<Exception> outcome) {
        try {
            producer.send(record, (meta, e) -> outcome.accept(e));
        } catch (RuntimeException e) {
            outcome.accept(e); // e.g. record too large, raised before sending
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
