package io.vigil.collectors.source.file;

import io.vigil.collectors.checkpoint.CheckpointedCollector;
import io.vigil.collectors.file.FileCollector;
import io.vigil.collectors.input.Input;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.Source;
import io.vigil.schemas.SourceCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Files and folders (recursive) as they land, e.g. an S3 sync target or an osquery results log.
 * A file is read once it has not been modified for {@code settle} (so a file still being written is
 * not read half), and again only if it grew: reading then resumes after the records already
 * committed. A file that shrank or was replaced is read from its start.
 */
public final class FolderSource implements Source {
    static final String SIZE = "size";
    static final String MODIFIED = "modified";

    private final List<Path> inputs;
    private final Duration settle;
    private final Clock clock;

    public FolderSource(List<Path> inputs, Duration settle, Clock clock) {
        this.inputs = List.copyOf(inputs);
        this.settle = settle;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public String target() {
        return inputs.stream().map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining(","));
    }

    @Override
    public List<InputStats> poll(CheckpointedCollector collector) throws IOException {
        List<InputStats> out = new ArrayList<>();
        for (Path file : FileCollector.expand(inputs)) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                continue; // gone since the listing: nothing to read
            }
            if (attrs.lastModifiedTime().toInstant().isAfter(clock.instant().minus(settle))) {
                continue; // still being written; read on a later poll
            }
            String unit = file.toAbsolutePath().normalize().toString();
            Map<String, String> now = identity(attrs);
            Optional<SourceCheckpoint> cp = collector.checkpoints().get(unit);
            if (cp.isPresent() && cp.get().getComplete() && now.equals(cp.get().getAttributes())) {
                continue; // read to its end before, unchanged since
            }
            out.add(collector.collect(unit, Input.file(file), resumeAt(cp, attrs.size()), now, true, now));
        }
        return out;
    }

    /** What tells a file's content apart between polls: its size and modification time. */
    public static Map<String, String> identity(BasicFileAttributes attrs) {
        return Map.of(SIZE, Long.toString(attrs.size()), MODIFIED, attrs.lastModifiedTime().toString());
    }

    /** Where to resume: after the committed records if the file is the same or grew, else from its start. */
    static long resumeAt(Optional<SourceCheckpoint> cp, long size) {
        if (cp.isEmpty()) {
            return 0;
        }
        String before = cp.get().getAttributes().get(SIZE);
        return before != null && Long.parseLong(before) <= size ? cp.get().getPosition() : 0;
    }
}
