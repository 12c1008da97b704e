package io.vigil.cli.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.collectors.input.InputStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code replay --stats}: per file, the format and read / published / dead-lettered counts with reasons,
 * and a last line held back for want of its newline. */
final class StatsJson {
    private StatsJson() {}

    static void write(Path file, List<InputStats> stats) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        var files = root.putArray("files");
        for (InputStats s : stats) {
            ObjectNode f = files.addObject();
            f.put("path", s.path());
            f.put("format", s.format());
            f.put("read", s.read());
            f.put("published", s.publishedCount());
            f.put("dead_lettered", s.deadLetteredCount());
            ObjectNode reasons = f.putObject("reasons");
            s.reasons().forEach(reasons::put);
            if (s.heldBackAt() != null) {
                f.putObject("held_back").put("position", s.heldBackAt()).put("bytes", s.heldBackBytes())
                        .put("reason", "last line has no newline: a writer may still be appending it");
            }
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
