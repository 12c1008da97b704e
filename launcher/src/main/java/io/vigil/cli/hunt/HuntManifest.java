package io.vigil.cli.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * A hunt as it was started: its spec and the input offsets it runs between, fixed at its start (the
 * ends found for {@code --to} must not move if more history arrives before a resume). Kept as
 * {@code hunt.json} beside the hunt's local state ({@code <data-dir>/hunt-state/<id>/}); the
 * hunt's progress itself is its consumer group's committed offsets and its changelogs, in Kafka.
 */
public record HuntManifest(HuntSpec spec, Map<TopicPartition, Long> start, Map<TopicPartition, Long> stop, Status status) {
    public enum Status { RUNNING, CANCELLED, FINISHED }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "hunt.json";

    public static Path dir(Path dataDir, String id) {
        return dataDir.resolve("hunt-state").resolve(id);
    }

    public HuntManifest with(Status s) {
        return new HuntManifest(spec, start, stop, s);
    }

    public long records() {
        return stop.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), e.getValue()))).sum();
    }

    public void save(Path dataDir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", spec.id()).put("from", spec.from().toString()).put("to", spec.to().toString()).put("status", status.name());
        if (spec.baselineAt() != null) {
            root.put("baseline_at", spec.baselineAt().toString());
        }
        spec.detectors().forEach(root.putArray("detectors")::add);
        spec.without().forEach(root.putArray("without")::add);
        root.set("start", offsets(start));
        root.set("stop", offsets(stop));
        Path dir = dir(dataDir, spec.id());
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(FILE + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the hunt's manifest in " + dir, e);
        }
    }

    /** The manifest of hunt {@code id}; a readable error naming the file where there is none. */
    public static HuntManifest load(Path dataDir, String id) {
        Path file = dir(dataDir, id).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--resume " + id + ": no hunt of that id in this --data-dir (" + file + " is missing)");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            HuntSpec spec = new HuntSpec(root.path("id").asText(), Instant.parse(root.path("from").asText()), Instant.parse(root.path("to").asText()),
                    strings(root.path("detectors")), strings(root.path("without")),
                    root.hasNonNull("baseline_at") ? Instant.parse(root.path("baseline_at").asText()) : null);
            return new HuntManifest(spec, offsets(root.path("start")), offsets(root.path("stop")), Status.valueOf(root.path("status").asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--resume " + id + ": " + file + " is not a hunt manifest (" + e.getMessage() + ")", e);
        }
    }

    private static ObjectNode offsets(Map<TopicPartition, Long> offsets) {
        ObjectNode node = JSON.createObjectNode();
        new TreeMap<>(offsets.entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)))
                .forEach(node::put);
        return node;
    }

    private static Map<TopicPartition, Long> offsets(JsonNode node) {
        Map<TopicPartition, Long> out = new java.util.HashMap<>();
        node.fields().forEachRemaining(e -> {
            int dash = e.getKey().lastIndexOf('-');
            out.put(new TopicPartition(e.getKey().substring(0, dash), Integer.parseInt(e.getKey().substring(dash + 1))), e.getValue().asLong());
        });
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
