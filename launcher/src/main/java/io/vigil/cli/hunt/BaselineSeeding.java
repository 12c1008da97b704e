package io.vigil.cli.hunt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.api.query.BaselineKind;
import io.vigil.streams.api.snapshot.SnapshotSeeds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds a new hunt's stores from {@code baseline.snapshots}, so that it judges its range against the
 * baseline as it was published at a time T instead of learning from nothing: per key, the latest
 * snapshot whose {@code snapshot_at} is at or before T, converted by {@link SnapshotSeeds} into the
 * store's bytes and written to the hunt's changelog topic, in the partition of the task that reads the
 * entity's records. Kafka Streams restores the stores from those changelogs before the hunt processes
 * anything, exactly as it restores a live instance. Kinds that cannot be seeded are counted and named.
 */
final class BaselineSeeding {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineSeeding.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);

    /** Per kind, the baselines written to the hunt's stores, and those left out (not seedable, or unreadable). */
    record Result(Map<String, Long> seeded, Map<String, Long> skipped) {}

    private BaselineSeeding() {}

    static Result seed(Admin admin, Map<String, Object> clientProps, String applicationId, Instant at) throws Exception {
        Map<String, Map<String, Object>> latest = latestAt(clientProps, at);
        Map<String, Long> seeded = new TreeMap<>();
        Map<String, Long> skipped = new TreeMap<>();
        Map<String, Integer> partitions = new HashMap<>();
        Map<String, Object> producerProps = new HashMap<>(clientProps);
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
            for (Map<String, Object> snapshot : latest.values()) {
                String kindName = String.valueOf(snapshot.get("kind"));
                var seed = BaselineKind.named(kindName).flatMap(SnapshotSeeds::of);
                if (seed.isEmpty() || !(snapshot.get("baseline") instanceof Map<?, ?> baseline) || snapshot.get("entity") == null) {
                    skipped.merge(kindName, 1L, Long::sum);
                    continue;
                }
                byte[] value;
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> b = (Map<String, Object>) baseline;
                    value = seed.get().storeValue().apply(b);
                } catch (RuntimeException e) {
                    LOG.warn("baseline snapshot of kind {} left out of the hunt's seed: {}", kindName, e.getMessage());
                    skipped.merge(kindName, 1L, Long::sum);
                    continue;
                }
                String changelog = applicationId + "-" + seed.get().store() + "-changelog";
                int n = partitions.computeIfAbsent(changelog, c -> createChangelog(admin, c, seed.get().partitionedLike()));
                String entity = String.valueOf(snapshot.get("entity"));
                // the default partitioner's choice for the entity's input records: the task reading them restores this partition
                int partition = Utils.toPositive(Utils.murmur2(entity.getBytes(StandardCharsets.UTF_8))) % n;
                producer.send(new ProducerRecord<>(changelog, partition, entity, value));
                seeded.merge(kindName, 1L, Long::sum);
            }
            producer.flush();
        }
        return new Result(seeded, skipped);
    }

    /** The hunt's changelog, created as Kafka Streams would (compacted, partitioned like its input) before the app starts. */
    private static int createChangelog(Admin admin, String name, String partitionedLike) {
        try {
            int n = admin.describeTopics(List.of(partitionedLike)).allTopicNames().get().get(partitionedLike).partitions().size();
            short replicas = (short) Math.min(3, admin.describeCluster().nodes().get().size());
            admin.createTopics(List.of(new NewTopic(name, n, replicas).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot create the hunt's changelog " + name + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Per snapshot key, the latest snapshot published at or before {@code at}, read to the topic's end without a group. */
    private static Map<String, Map<String, Object>> latestAt(Map<String, Object> clientProps, Instant at) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Map<String, Object>> out = new HashMap<>();
        long unreadable = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.BASELINE_SNAPSHOTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("--baseline-at: the topic " + Topics.BASELINE_SNAPSHOTS.name()
                        + " is missing or empty; the streams app publishes it (vigil.baseline.snapshots.enabled)");
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    if (r.value() == null) {
                        out.remove(r.key()); // a tombstone: the entity's baseline was removed
                        continue;
                    }
                    try {
                        Map<String, Object> v = JSON.readValue(r.value(), new TypeReference<Map<String, Object>>() {});
                        if (!Instant.parse(String.valueOf(v.get("snapshot_at"))).isAfter(at)) {
                            out.put(r.key(), v);
                        }
                    } catch (Exception e) {
                        unreadable++;
                    }
                }
            }
        }
        if (unreadable > 0) {
            LOG.warn("{}: {} records are not snapshots and were left out of the hunt's seed", Topics.BASELINE_SNAPSHOTS.name(), unreadable);
        }
        return out;
    }
}
