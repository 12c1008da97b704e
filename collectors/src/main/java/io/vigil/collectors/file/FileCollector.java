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
                    walk.filter(Files::isRegularFile).sorted(FileCollector::byPathNumbersFirst).forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    /**
     * Path order with numbers compared as numbers, so that AWS Config's unpadded dates ({@code 2026/3/2}
     * before {@code 2026/3/10}) and any numbered files are read in time order.
     */
    static int byPathNumbersFirst(Path a, Path b) {
        String x = a.toString();
        String y = b.toString();
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            char c = x.charAt(i);
            char d = y.charAt(j);
            if (Character.isDigit(c) && Character.isDigit(d)) {
                int si = i;
                int sj = j;
                while (i < x.length() && Character.isDigit(x.charAt(i))) {
                    i++;
                }
                while (j < y.length() && Character.isDigit(y.charAt(j))) {
                    j++;
                }
                String nx = x.substring(si, i).replaceFirst("^0+(?=.)", "");
                String ny = y.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int byValue = nx.length() != ny.length() ? Integer.compare(nx.length(), ny.length()) : nx.compareTo(ny);
                if (byValue != 0) {
                    return byValue;
                }
            } else {
                if (c != d) {
                    return Character.compare(c, d);
                }
                i++;
                j++;
            }
        }
        return x.length() != y.length() ? Integer.compare(x.length() - i, y.length() - j) : x.compareTo(y);
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
