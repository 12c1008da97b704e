package io.vigil.cli.baseline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.api.query.ServicesView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the latest snapshots of an entity from {@code baseline.snapshots} (keys {@code <kind>/<entity>},
 * the whole compacted topic up to its end, no consumer group). The services view is composed from the
 * host's inventory and flow snapshots, as the API composes it.
 */
final class SnapshotReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotReader() {}

    static Optional<Map<String, Object>> read(Map<String, Object> clientProps, String kind, String entity, PrintWriter err) {
        if (!"services".equals(kind)) {
            Map<String, Map<String, Object>> found = latest(clientProps, Set.of(kind + "/" + entity));
            Map<String, Object> snapshot = found.get(kind + "/" + entity);
            if (snapshot == null) {
                return Optional.empty();
            }
            err.println("from " + Topics.BASELINE_SNAPSHOTS.name() + ", as of " + snapshot.get("snapshot_at"));
            return Optional.of(baseline(snapshot));
        }
        Map<String, Map<String, Object>> hostAndFlows = latest(clientProps, Set.of("hosts/" + entity, "flows/" + entity));
        Optional<Map<String, Object>> host = Optional.ofNullable(hostAndFlows.get("hosts/" + entity)).map(SnapshotReader::baseline);
        List<Map<String, Object>> flows = new ArrayList<>();
        Optional.ofNullable(hostAndFlows.get("flows/" + entity)).map(SnapshotReader::baseline).ifPresent(flows::add);
        Object instance = host.map(h -> h.get("instance_id")).orElse(null);
        if (instance instanceof String id && !id.equals(entity)) {
            Optional.ofNullable(latest(clientProps, Set.of("flows/" + id)).get("flows/" + id)).map(SnapshotReader::baseline).ifPresent(flows::add);
        }
        if (host.isEmpty() && flows.isEmpty()) {
            return Optional.empty();
        }
        err.println("from " + Topics.BASELINE_SNAPSHOTS.name());
        return Optional.of(ServicesView.compose(entity, host, flows));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> baseline(Map<String, Object> snapshot) {
        return (Map<String, Object>) snapshot.get("baseline");
    }

    /** The latest value of each wanted key, read from the beginning of every partition to its current end. */
    private static Map<String, Map<String, Object>> latest(Map<String, Object> clientProps, Set<String> keys) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, String> values = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BASELINE_SNAPSHOTS.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("no " + Topics.BASELINE_SNAPSHOTS.name() + " topic: is `vigil streams` running against this cluster?");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        if (r.value() == null) {
                            values.remove(r.key());
                        } else {
                            values.put(r.key(), r.value());
                        }
                    }
                });
            }
        }
        Map<String, Map<String, Object>> out = new HashMap<>();
        values.forEach((k, v) -> {
            try {
                out.put(k, JSON.readValue(v, new TypeReference<LinkedHashMap<String, Object>>() {}));
            } catch (IOException e) {
                throw new UncheckedIOException("an unreadable snapshot under " + k, e);
            }
        });
        return out;
    }
}
