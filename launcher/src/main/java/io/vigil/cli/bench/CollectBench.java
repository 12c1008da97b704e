package io.vigil.cli.bench;

import io.vigil.collectors.file.FileCollector;
import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatDetector;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import io.vigil.schemas.wire.WireFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * The collector benchmark over gzip VPC flow log files: the same files read three ways, each timed
 * start to finish on one thread: parse only (detection and the flow reader into a counting sink, no
 * Kafka), publish only (records parsed beforehand, untimed, then {@link Publisher#publish} and a flush
 * per file, as the collector flushes), and parse + publish ({@link FileCollector#collectFile}). A
 * warm-up pass of every mode comes first; then each mode is run {@code rounds} times, interleaved so
 * that a noisy neighbour hurts all modes alike, and the best round of each is kept.
 */
final class CollectBench {
    /** Lines the warm-up covers at least (or all of them): enough for the JIT to compile every hot path. */
    static final long WARMUP_LINES = 300_000;

    private final Readers readers = new Readers(Clock.systemUTC());
    private final Map<String, Object> clientProps;
    private final WireFormat wire;

    CollectBench(Map<String, Object> clientProps, WireFormat wire) {
        this.clientProps = clientProps;
        this.wire = wire;
    }

    /**
     * One timed pass of one mode: lines handled, records published and dead-lettered, the time it took,
     * the CPU time of the reading thread (parse only; 0 when not measured) and of the whole process
     * (reader, producer and the embedded broker: what the pass cost, whatever else the machine runs).
     */
    record Pass(long lines, long published, long deadLettered, long nanos, long cpuNanos, long processCpuNanos) {
        double linesPerSecond() {
            return nanos == 0 ? 0 : lines * 1e9 / nanos;
        }

        /** Lines per second of CPU of the one thread that did all the work: a per-core rate that other processes on the machine do not dilute. */
        double linesPerCpuSecond() {
            return cpuNanos == 0 ? 0 : lines * 1e9 / cpuNanos;
        }

        /** CPU microseconds the process spent per line. */
        double cpuMicrosPerLine() {
            return lines == 0 ? 0 : processCpuNanos / 1e3 / lines;
        }
    }

    /** The best pass of each mode, and every pass, in order. */
    record Outcome(Pass parse, Pass publish, Pass both, List<Pass> parseRounds, List<Pass> publishRounds, List<Pass> bothRounds) {}

    Outcome run(List<Path> files, long lines, int rounds) throws IOException {
        try (Publisher publisher = new Publisher(clientProps, wire)) {
            FileCollector collector = new FileCollector(readers, publisher, Clock.systemUTC(), CollectorMetrics.none());
            List<Path> warmup = prefix(files, lines);
            parseOnly(warmup);
            publishOnly(publisher, warmup);
            both(collector, warmup);
            List<Pass> parse = new ArrayList<>();
            List<Pass> publish = new ArrayList<>();
            List<Pass> both = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                parse.add(check("parse only", parseOnly(files), lines, false));
                publish.add(check("publish only", publishOnly(publisher, files), lines, true));
                both.add(check("parse + publish", both(collector, files), lines, true));
            }
            return new Outcome(best(parse), best(publish), best(both), parse, publish, both);
        }
    }

    /** The first files holding at least {@link #WARMUP_LINES} lines (the files are of equal size). */
    private static List<Path> prefix(List<Path> files, long lines) {
        long perFile = Math.max(1, lines / files.size());
        int n = (int) Math.min(files.size(), (WARMUP_LINES + perFile - 1) / perFile);
        return files.subList(0, Math.max(1, n));
    }

    Pass parseOnly(List<Path> files) throws IOException {
        Counting sink = new Counting();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long process = processCpu();
        long start = System.nanoTime();
        for (Path f : files) {
            read(f, sink);
        }
        long nanos = System.nanoTime() - start;
        return new Pass(sink.accepted, 0, sink.rejected, nanos, threads.getCurrentThreadCpuTime() - cpu, processCpu() - process);
    }

    private Pass publishOnly(Publisher publisher, List<Path> files) throws IOException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long lines = 0;
        long nanos = 0;
        long cpu = 0;
        for (Path f : files) {
            Collecting parsed = new Collecting();
            read(f, parsed); // untimed: this mode measures the publish path alone
            long process = processCpu();
            long start = System.nanoTime();
            for (Collected<?> c : parsed.records) {
                publisher.publish(c, e -> (e == null ? ok : failed).incrementAndGet());
            }
            publisher.flush();
            nanos += System.nanoTime() - start;
            cpu += processCpu() - process;
            lines += parsed.records.size();
        }
        return new Pass(lines, ok.get(), failed.get(), nanos, 0, cpu);
    }

    private static Pass both(FileCollector collector, List<Path> files) {
        long lines = 0;
        long published = 0;
        long dead = 0;
        long process = processCpu();
        long start = System.nanoTime();
        for (Path f : files) {
            var stats = collector.collectFile(f);
            lines += stats.read();
            published += stats.publishedCount();
            dead += stats.deadLetteredCount();
        }
        return new Pass(lines, published, dead, System.nanoTime() - start, 0, processCpu() - process);
    }

    /** CPU time of the whole JVM so far (every thread, the embedded broker's too). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Opens a file as the file collector does (gzip by magic, detection on the decompressed head) and reads it into the sink. */
    private void read(Path file, RecordSink sink) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream content = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            byte[] head = content.readNBytes(FormatDetector.HEAD_BYTES);
            Format format = FormatDetector.detect(head, head.length);
            FormatReader reader = readers.forFormat(format)
                    .orElseThrow(() -> new IllegalStateException(file + ": detected as " + format.label() + ", not a flow log"));
            reader.read(new SequenceInputStream(new ByteArrayInputStream(head), content), file.toString(), sink);
        }
    }

    /** A benchmark that lost or rejected records would measure something else: it stops instead. */
    private static Pass check(String mode, Pass p, long lines, boolean publishes) {
        if (p.lines() != lines || p.deadLettered() != 0 || publishes && p.published() != lines) {
            throw new IllegalStateException(mode + ": " + p.lines() + " lines read, " + p.published() + " published, " + p.deadLettered()
                    + " rejected or failed; expected " + lines + " lines, all published");
        }
        return p;
    }

    private static Pass best(List<Pass> passes) {
        return passes.stream().max((a, b) -> Double.compare(a.linesPerSecond(), b.linesPerSecond())).orElseThrow();
    }

    private static final class Counting implements RecordSink {
        long accepted;
        long rejected;

        @Override
        public void accept(Collected<?> record) {
            accepted++;
        }

        @Override
        public void reject(Rejected r) {
            rejected++;
        }
    }

    private static final class Collecting implements RecordSink {
        final List<Collected<?>> records = new ArrayList<>();

        @Override
        public void accept(Collected<?> record) {
            records.add(record);
        }

        @Override
        public void reject(Rejected r) {
            throw new IllegalStateException("generated flow line rejected: " + r.reason() + " " + r.detail() + " at " + r.position());
        }
    }
}
