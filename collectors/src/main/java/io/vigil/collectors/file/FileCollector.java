package io.vigil.collectors.file;

import io.vigil.collectors.format.Readers;
import io.vigil.collectors.input.Input;
import io.vigil.collectors.input.InputCollector;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.input.Progress;
import io.vigil.collectors.input.ReadMeter;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads files and folders (recursively, in a stable order), each file whole, through an {@link InputCollector}. */
public final class FileCollector {
    private final InputCollector collector;

    public FileCollector(Readers readers, Publisher publisher, Clock clock, CollectorMetrics metrics) {
        this(readers, publisher, clock, metrics, new ReadMeter());
    }

    public FileCollector(Readers readers, Publisher publisher, Clock clock, CollectorMetrics metrics, ReadMeter meter) {
        this.collector = new InputCollector(readers, publisher, clock, metrics, meter);
    }

    /** Every regular file under the inputs, in a stable order. */
    public static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new NoSuchFileException(input.toString(), null, "no such file or folder");
            }
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    public List<InputStats> collect(List<Path> inputs) throws IOException {
        List<InputStats> out = new ArrayList<>();
        for (Path file : expand(inputs)) {
            out.add(collectFile(file));
        }
        return out;
    }

    public InputStats collectFile(Path file) {
        return collector.collect(Input.file(file), Progress.none());
    }
}
