package io.vigil.cli.hunt.search;

import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.wire.WireFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans input topics between two event times (records carry their event time as timestamp; the start
 * offsets come from {@code offsetsForTimes}) and hands every match to a callback as it is found, so a
 * search over months streams rather than collects. No consumer group: nothing is committed, live
 * consumers are not disturbed. A record that cannot be decoded is counted and passed over.
 */
public final class TopicSearch {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSearch.class);

    /** One match: where it is, when, and which field held the value. */
    public record Match(String topic, int partition, long offset, Instant time, String key, String field, SpecificRecord record) {}

    /** What a search went through. */
    public record Scanned(long records, long matches, long undecodable) {}

    private final Map<String, Object> clientProps;
    private final WireFormat wire;

    public TopicSearch(Map<String, Object> clientProps, WireFormat wire) {
        this.clientProps = clientProps;
        this.wire = wire;
    }

    /** @param limit stop after this many matches (0: no limit) */
    public Scanned run(List<TopicSpec<?>> topics, Instant from, Instant to, SearchQuery query, long limit, Consumer<Match> out) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        long scanned = 0;
        long matches = 0;
        long bad = 0;
        Map<String, TopicSpec<?>> byName = topics.stream().collect(Collectors.toMap(TopicSpec::name, t -> t));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t.name()).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(partitions.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> from.toEpochMilli())));
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp start = starts.get(tp);
                consumer.seek(tp, start == null ? ends.get(tp) : start.offset()); // null: nothing at or after `from`
            }
            // Before the start offset every record is older than `from`; after it, event times are not in offset
            // order (files arrive late), so the whole tail is scanned and `to` filters.
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= ends.get(new TopicPartition(r.topic(), r.partition())) || r.timestamp() >= to.toEpochMilli()
                            || r.timestamp() < from.toEpochMilli() || r.value() == null) {
                        continue;
                    }
                    scanned++;
                    SpecificRecord value;
                    try {
                        value = wire.decode(r.topic(), r.value(), byName.get(r.topic()).valueType());
                    } catch (RuntimeException e) {
                        bad++;
                        continue;
                    }
                    Optional<String> field = query.match(value);
                    if (field.isPresent()) {
                        matches++;
                        out.accept(new Match(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(), field.get(), value));
                        if (limit > 0 && matches >= limit) {
                            return new Scanned(scanned, matches, bad);
                        }
                    }
                }
            }
        }
        if (bad > 0) {
            LOG.warn("{} records could not be decoded and were passed over", bad);
        }
        return new Scanned(scanned, matches, bad);
    }
}
