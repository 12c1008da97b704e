package io.vigil.collectors.checkpoint;

import io.vigil.schemas.SourceCheckpoint;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed progress of one collector, per unit of input: read from {@code collector.checkpoints}
 * (read_committed, so only what was committed with its records counts) when the collector starts,
 * then kept up to date as its transactions commit.
 */
public final class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    private final String collector;
    private final Map<String, SourceCheckpoint> byUnit = new ConcurrentHashMap<>();

    public Checkpoints(String collector) {
        this.collector = collector;
    }

    public String collector() {
        return collector;
    }

    /**
     * Loads this collector's checkpoints. Call after the transactional publisher started: starting it
     * aborts what a previous instance left open, which would otherwise hold read_committed readers back.
     *
     * @param notBefore checkpoints older than this are ignored (e.g. SQS can redeliver for 14 days at most)
     */
    public static Checkpoints load(Map<String, Object> kafkaProps, WireFormat wire, String collector, Optional<Instant> notBefore) {
        Checkpoints out = new Checkpoints(collector);
        Map<String, Object> props = new HashMap<>(kafkaProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        String topic = Topics.COLLECTOR_CHECKPOINTS.name();
        String prefix = collector + "|";
        long kept = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() == null || !r.key().startsWith(prefix)) {
                        continue;
                    }
                    if (r.value() == null) {
                        out.byUnit.remove(r.key().substring(prefix.length()));
                        continue;
                    }
                    SourceCheckpoint c;
                    try {
                        c = wire.decode(topic, r.value(), SourceCheckpoint.class);
                    } catch (RuntimeException e) {
                        // The unit is read again from its start: duplicates are better than a lost input.
                        LOG.warn("unreadable checkpoint at {} offset {} ignored: {}", topic, r.offset(), e.getMessage());
                        continue;
                    }
                    if (notBefore.isEmpty() || !c.getUpdatedAt().isBefore(notBefore.get())) {
                        out.byUnit.put(c.getUnit(), c);
                    }
                }
            }
            kept = out.byUnit.size();
        }
        LOG.info("collector {}: {} checkpoints loaded from {}", collector, kept, topic);
        return out;
    }

    public Optional<SourceCheckpoint> get(String unit) {
        return Optional.ofNullable(byUnit.get(unit));
    }

    /** Records a checkpoint whose transaction has committed. */
    public void committed(SourceCheckpoint checkpoint) {
        byUnit.put(checkpoint.getUnit(), checkpoint);
    }

    public int size() {
        return byUnit.size();
    }
}
