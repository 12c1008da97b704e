package io.vigil.streams.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A plain consumer over every partition of one topic (no group, read_committed, client defaults
 * otherwise) that reads until it reaches the given end offsets: the baseline the topology is held to.
 */
final class BenchConsumer {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, Object> props;
    private final Map<TopicPartition, Long> ends;

    BenchConsumer(Map<String, Object> clientProps, String topic, Map<TopicPartition, Long> ends) {
        this.props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.ends = ends;
    }

    /**
     * Records per second, start (consumer creation) to finish; {@code decode} (may be null) runs on every
     * value. Throws unless every record up to the end offsets was read (and decoded).
     */
    double rate(Function<byte[], ?> decode) {
        long start = System.nanoTime();
        long n = read(decode);
        long expected = ends.values().stream().mapToLong(Long::longValue).sum();
        if (n != expected) {
            throw new IllegalStateException("read " + n + " of " + expected + " records");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** How many records there are up to the end offsets (committed ones only). */
    long count() {
        return read(null);
    }

    private long read(Function<byte[], ?> decode) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long n = 0;
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            while (!done(consumer)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consumer did not reach the end of " + ends.keySet() + " within " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    if (decode == null || decode.apply(r.value()) != null) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private boolean done(KafkaConsumer<byte[], byte[]> consumer) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
