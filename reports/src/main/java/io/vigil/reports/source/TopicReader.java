package io.vigil.reports.source;

import io.vigil.reports.analysis.SourceStats;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.schemas.wire.WireFormatException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads whole topics from the beginning to the end they have when reading starts. Partitions are
 * assigned, not subscribed, and there is no group id: a report never commits offsets and never joins
 * or disturbs a consumer group.
 */
public final class TopicReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** A broker that stops answering mid-read fails the report instead of hanging it. */
    private static final Duration STALLED_AFTER = Duration.ofSeconds(60);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final WireFormat wire;

    public TopicReader(Map<String, Object> kafkaProps, WireFormat wire) {
        Map<String, Object> props = new HashMap<>(kafkaProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the ledger and findings may be written transactionally; aborted records are not facts
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-report");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.wire = wire;
    }

    /** Hands every decodable, non-tombstone value to {@code sink}; undecodable ones are counted and skipped. */
    public <V extends SpecificRecord> SourceStats read(TopicSpec<V> spec, Consumer<? super V> sink) {
        List<TopicPartition> partitions = consumer.partitionsFor(spec.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            return new SourceStats(spec.name(), false, 0, 0);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Set<TopicPartition> remaining = new HashSet<>(partitions);
        long records = 0;
        long unreadable = 0;
        long lastProgress = System.nanoTime();
        while (true) {
            remaining.removeIf(tp -> consumer.position(tp) >= end.get(tp));
            if (remaining.isEmpty()) {
                break;
            }
            if (System.nanoTime() - lastProgress > STALLED_AFTER.toNanos()) {
                throw new IllegalStateException("no records from " + remaining + " for " + STALLED_AFTER + " while reading " + spec.name() + " to its end");
            }
            for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(POLL)) {
                lastProgress = System.nanoTime();
                if (rec.offset() >= end.get(new TopicPartition(rec.topic(), rec.partition())) || rec.value() == null) {
                    continue;
                }
                try {
                    sink.accept(wire.decode(rec.topic(), rec.value(), spec.valueType()));
                    records++;
                } catch (WireFormatException e) {
                    unreadable++;
                    LOG.debug("skipping {}-{}@{}: {}", rec.topic(), rec.partition(), rec.offset(), e.getMessage());
                }
            }
        }
        consumer.unsubscribe();
        if (unreadable > 0) {
            LOG.warn("{}: {} records could not be decoded and are left out of the report", spec.name(), unreadable);
        }
        return new SourceStats(spec.name(), true, records, unreadable);
    }

    /** One record read back by its position, with the record's own timestamp. */
    public record Positioned<V>(int partition, long offset, long timestamp, V value) {}

    /**
     * Hands the records at the given offsets of {@code topic} to {@code sink}, decoded; an offset no longer in the topic
     * (past retention) or holding no decodable value is skipped.
     */
    public <V extends SpecificRecord> void readAt(TopicSpec<V> spec, Map<Integer, java.util.SortedSet<Long>> offsets,
                                                  Consumer<Positioned<V>> sink) {
        for (Map.Entry<Integer, java.util.SortedSet<Long>> p : offsets.entrySet()) {
            TopicPartition tp = new TopicPartition(spec.name(), p.getKey());
            if (consumer.partitionsFor(spec.name()).stream().noneMatch(i -> i.partition() == tp.partition())) {
                continue;
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            for (long wanted : p.getValue()) {
                if (wanted >= end) {
                    continue;
                }
                consumer.seek(tp, wanted);
                long lastProgress = System.nanoTime();
                boolean found = false;
                while (!found && consumer.position(tp) <= wanted && consumer.position(tp) < end) {
                    if (System.nanoTime() - lastProgress > STALLED_AFTER.toNanos()) {
                        throw new IllegalStateException("no records from " + tp + " for " + STALLED_AFTER + " while reading offset " + wanted);
                    }
                    for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(POLL)) {
                        lastProgress = System.nanoTime();
                        if (rec.offset() == wanted && rec.value() != null) {
                            try {
                                sink.accept(new Positioned<>(rec.partition(), rec.offset(), rec.timestamp(), wire.decode(rec.topic(), rec.value(), spec.valueType())));
                            } catch (WireFormatException e) {
                                LOG.debug("skipping {}-{}@{}: {}", rec.topic(), rec.partition(), rec.offset(), e.getMessage());
                            }
                        }
                        found |= rec.offset() >= wanted;
                    }
                }
            }
        }
        consumer.unsubscribe();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
