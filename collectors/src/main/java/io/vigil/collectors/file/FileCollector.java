package io.vigil.collectors.file;

import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatDetector;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.topics.TopicSpec;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads files and folders (recursively), recognises each file's format from its content (plain or
 * gzip), publishes what it can read and dead-letters the rest with the reason and position. Never
 * stops on a bad file: the worst a file can do is be dead-lettered whole.
 */
public final class FileCollector {
    /** Dead letters keep at most this much of the original bytes (Kafka's record size limit). */
    public static final int PAYLOAD_CUT = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FileCollector.class);

    private final Readers readers;
    private final Publisher publisher;
    private final Clock clock;
    private final CollectorMetrics metrics;

    public FileCollector(Readers readers, Publisher publisher, Clock clock, CollectorMetrics metrics) {
        this.readers = readers;
        this.publisher = publisher;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Every regular file under the inputs, in a stable order. */
    public static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file or folder");
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

    public List<FileStats> collect(List<Path> inputs) throws IOException {
        List<FileStats> out = new ArrayList<>();
        for (Path file : expand(inputs)) {
            out.add(collectFile(file));
        }
        return out;
    }

    public FileStats collectFile(Path file) {
        String source = file.toString();
        FileStats stats = new FileStats(source);
        Format format = Format.UNKNOWN;
        boolean gzip = false;
        try (InputStream rawIn = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            rawIn.mark(2);
            gzip = rawIn.read() == 0x1f && rawIn.read() == 0x8b;
            rawIn.reset();
            InputStream content = gzip ? new GZIPInputStream(rawIn, 1 << 16) : rawIn;
            byte[] head = new byte[FormatDetector.HEAD_BYTES];
            Head h = readHead(content, head);
            if (h.length() == 0 && h.failure() == null) {
                LOG.info("skipped empty input {}", source);
                return stats;
            }
            if (h.length() == 0) {
                throw h.failure(); // truncated before the first byte of content
            }
            // The reader sees the head again, then the rest of the stream. When the input ended within the
            // head, the head is all there is: the reader reads it whole, then the truncation is recorded.
            InputStream in = h.failure() == null
                    ? new BufferedInputStream(new SequenceInputStream(new ByteArrayInputStream(head, 0, h.length()), content), 1 << 16)
                    : new ByteArrayInputStream(head, 0, h.length());
            int n = h.length();
            format = FormatDetector.detect(head, n);
            stats.format(format.label());
            FormatReader reader = readers.forFormat(format).orElse(null);
            if (reader == null) {
                stats.found();
                deadLetter(stats, Format.UNKNOWN.deadLetters(), file, new Rejected("unknown_format",
                        "content is not a supported format (VPC flow logs, CloudTrail, AWS Config, osquery)", null, "whole file"), format);
                LOG.warn("unreadable input {}: unknown format, dead-lettered whole to {}", source, Format.UNKNOWN.deadLetters().name());
            } else {
                reader.read(in, source, sink(stats, file, format));
            }
            if (h.failure() != null) {
                throw h.failure();
            }
        } catch (EOFException | ZipException e) {
            stats.found();
            String reason = gzip ? "truncated_gzip" : "truncated";
            deadLetter(stats, format.deadLetters(), file, new Rejected(reason, "input ends early: " + e.getMessage(), null, "end of readable data"), format);
            LOG.warn("input {} is truncated ({}); what was readable was published, the rest dead-lettered to {}", source, reason, format.deadLetters().name());
        } catch (IOException | RuntimeException e) {
            stats.found();
            deadLetter(stats, format.deadLetters(), file, new Rejected("read_error", e.getClass().getSimpleName() + ": " + e.getMessage(), null, "unknown"), format);
            LOG.warn("input {} could not be read to the end ({}); dead-lettered to {}", source, e.getClass().getSimpleName(), format.deadLetters().name());
        }
        publisher.flush();
        if (stats.deadLetteredCount() > 0) {
            LOG.warn("{}: {} of {} records dead-lettered {}", source, stats.deadLetteredCount(), stats.read(), stats.reasons());
        } else {
            LOG.info("{}: {} records of {} published", source, stats.publishedCount(), format.label());
        }
        return stats;
    }

    /** The first bytes of the content, and the failure that stopped reading them, if any. */
    private record Head(int length, IOException failure) {}

    private static Head readHead(InputStream in, byte[] head) throws IOException {
        int n = 0;
        try {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (EOFException | ZipException e) {
            return new Head(n, e); // a truncated or corrupt gzip: what was inflated before it is still read
        }
        return new Head(n, null);
    }

    private RecordSink sink(FileStats stats, Path file, Format format) {
        return new RecordSink() {
            @Override
            public void accept(Collected<?> record) {
                stats.found();
                publisher.publish(record, e -> {
                    if (e == null) {
                        stats.published();
                        metrics.published(format);
                    } else {
                        deadLetter(stats, format.deadLetters(), file, new Rejected("publish_failed",
                                e.getClass().getSimpleName() + ": " + e.getMessage(), null, record.value() instanceof io.vigil.schemas.AuditEvent a
                                ? a.getOrigin().getPosition() : "record"), format);
                    }
                });
            }

            @Override
            public void reject(Rejected rejected) {
                stats.found();
                deadLetter(stats, format.deadLetters(), file, rejected, format);
            }
        };
    }

    private void deadLetter(FileStats stats, TopicSpec<DeadLetter> topic, Path file, Rejected r, Format format) {
        byte[] payload = r.payload() != null && r.payload().length > 0 ? r.payload() : fileHead(file);
        long length = r.payload() != null && r.payload().length > 0 ? r.payload().length : fileSize(file);
        boolean cut = payload.length > PAYLOAD_CUT || length > payload.length;
        ByteBuffer kept = ByteBuffer.wrap(payload, 0, Math.min(payload.length, PAYLOAD_CUT)).slice();
        DeadLetter letter = DeadLetter.newBuilder()
                .setReason(r.reason())
                .setDetail(r.detail())
                .setSource(file.toString())
                .setPosition(r.position())
                .setFormat(format.label())
                .setPayload(kept)
                .setPayloadLength(length)
                .setPayloadTruncated(cut)
                .setFailedAt(clock.instant())
                .build();
        publisher.deadLetter(topic, file.toString(), letter, e -> {
            if (e != null) {
                LOG.error("could not dead-letter a record of {} ({}) to {}: {}", file, r.reason(), topic.name(), e.toString());
            }
        });
        stats.deadLettered(r.reason());
        metrics.deadLettered(format, r.reason());
    }

    private static byte[] fileHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PAYLOAD_CUT);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
