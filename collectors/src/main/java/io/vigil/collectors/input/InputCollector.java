package io.vigil.collectors.input;

import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatDetector;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.topics.TopicSpec;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one input, whatever its source: recognises its format from its content (plain or gzip),
 * publishes what it can read and dead-letters the rest with the reason and position. Never stops on
 * bad content: the worst an input can do is be dead-lettered whole.
 */
public final class InputCollector {
    /** Dead letters keep at most this much of the original bytes (Kafka's record size limit). */
    public static final int PAYLOAD_CUT = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(InputCollector.class);

    private final Readers readers;
    private final Publisher publisher;
    private final Clock clock;
    private final CollectorMetrics metrics;
    private final ReadMeter meter;

    public InputCollector(Readers readers, Publisher publisher, Clock clock, CollectorMetrics metrics) {
        this(readers, publisher, clock, metrics, new ReadMeter());
    }

    public InputCollector(Readers readers, Publisher publisher, Clock clock, CollectorMetrics metrics, ReadMeter meter) {
        this.readers = readers;
        this.publisher = publisher;
        this.clock = clock;
        this.metrics = metrics;
        this.meter = meter;
    }

    public CollectorMetrics metrics() {
        return metrics;
    }

    /**
     * Reads the input to its end, skipping the first {@code progress.skip()} records and telling
     * {@code progress} after each further one. Counts only what this call published or dead-lettered.
     */
    public InputStats collect(Input input, Progress progress) {
        String source = input.name();
        InputStats stats = new InputStats(source);
        Counting counting = new Counting(progress, meter);
        Format format = Format.UNKNOWN;
        boolean gzip = false;
        try (InputStream rawIn = new BufferedInputStream(meter.count(input.open()), 1 << 16)) {
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
            format = FormatDetector.detect(head, h.length());
            stats.format(format.label());
            FormatReader reader = readers.forFormat(format).orElse(null);
            if (reader == null) {
                if (counting.next()) {
                    stats.found();
                    deadLetter(stats, Format.UNKNOWN.deadLetters(), input, new Rejected("unknown_format",
                            "content is not a supported format (VPC flow logs, CloudTrail, AWS Config, osquery)", null, "whole input"), format);
                    LOG.warn("unreadable input {}: unknown format, dead-lettered whole to {}", source, Format.UNKNOWN.deadLetters().name());
                    counting.done();
                }
            } else {
                reader.read(in, source, sink(stats, input, format, counting, input.mayGrow() && !gzip));
            }
            if (h.failure() != null) {
                throw h.failure();
            }
        } catch (EOFException | ZipException e) {
            String reason = gzip ? "truncated_gzip" : "truncated";
            if (counting.next()) {
                stats.found();
                deadLetter(stats, format.deadLetters(), input, new Rejected(reason, "input ends early: " + e.getMessage(), null, "end of readable data"), format);
                LOG.warn("input {} is truncated ({}); what was readable was published, the rest dead-lettered to {}", source, reason, format.deadLetters().name());
                counting.done();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Publisher.TransactionFailedException t) {
                throw t; // nothing of this transaction is kept: the caller retries from its checkpoint
            }
            if (counting.next()) {
                stats.found();
                deadLetter(stats, format.deadLetters(), input, new Rejected("read_error", e.getClass().getSimpleName() + ": " + e.getMessage(), null, "unknown"), format);
                LOG.warn("input {} could not be read to the end ({}); dead-lettered to {}", source, e.getClass().getSimpleName(), format.deadLetters().name());
                counting.done();
            }
        }
        publisher.flush();
        if (stats.deadLetteredCount() > 0) {
            LOG.warn("{}: {} of {} records dead-lettered {}", source, stats.deadLetteredCount(), stats.read(), stats.reasons());
        } else {
            LOG.info("{}: {} records of {} published{}", source, stats.publishedCount(), format.label(),
                    progress.skip() > 0 ? " after " + progress.skip() + " committed before" : "");
        }
        return stats;
    }

    /** Numbers the records of the input, so that those committed by an earlier run are passed over. */
    private static final class Counting {
        private final Progress progress;
        private final ReadMeter meter;
        private long position;

        Counting(Progress progress, ReadMeter meter) {
            this.progress = progress;
            this.meter = meter;
        }

        /** Whether the next record is past the ones already committed. */
        boolean next() {
            position++;
            meter.record();
            return position > progress.skip();
        }

        void done() {
            progress.advanced(position);
        }
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

    private RecordSink sink(InputStats stats, Input input, Format format, Counting counting, boolean mayGrow) {
        return new RecordSink() {
            @Override
            public boolean tailMayGrow() {
                return mayGrow; // a gzip member is whole: its trailer was checked
            }

            @Override
            public void heldBack(String position, long bytes) {
                stats.heldBack(position, bytes);
                LOG.warn("{}: its last line ({}, {} bytes) has no newline and was held back: it is read once the line is finished",
                        input.name(), position, bytes);
            }

            @Override
            public void accept(Collected<?> record) {
                if (!counting.next()) {
                    return;
                }
                stats.found();
                publisher.publish(record, e -> {
                    if (e == null) {
                        stats.published();
                        metrics.published(format);
                        metrics.eventTime(record.eventTime());
                    } else {
                        deadLetter(stats, format.deadLetters(), input, new Rejected("publish_failed",
                                e.getClass().getSimpleName() + ": " + e.getMessage(), null,
                                record.value() instanceof AuditEvent a ? a.getOrigin().getPosition() : "record"), format);
                    }
                });
                counting.done();
            }

            @Override
            public void reject(Rejected rejected) {
                if (!counting.next()) {
                    return;
                }
                stats.found();
                deadLetter(stats, format.deadLetters(), input, rejected, format);
                counting.done();
            }
        };
    }

    private void deadLetter(InputStats stats, TopicSpec<DeadLetter> topic, Input input, Rejected r, Format format) {
        boolean own = r.payload() != null && r.payload().length > 0;
        byte[] payload = own ? r.payload() : head(input);
        long length = own ? r.payload().length : input.size();
        boolean cut = payload.length > PAYLOAD_CUT || length > payload.length;
        ByteBuffer kept = ByteBuffer.wrap(payload, 0, Math.min(payload.length, PAYLOAD_CUT)).slice();
        DeadLetter letter = DeadLetter.newBuilder()
                .setReason(r.reason())
                .setDetail(r.detail())
                .setSource(input.name())
                .setPosition(r.position())
                .setFormat(format.label())
                .setPayload(kept)
                .setPayloadLength(length)
                .setPayloadTruncated(cut)
                .setFailedAt(clock.instant())
                .build();
        publisher.deadLetter(topic, input.name(), letter, e -> {
            if (e != null) {
                LOG.error("could not dead-letter a record of {} ({}) to {}: {}", input.name(), r.reason(), topic.name(), e.toString());
            }
        });
        stats.deadLettered(r.reason());
        metrics.deadLettered(format, r.reason());
    }

    private static byte[] head(Input input) {
        try (InputStream in = input.open()) {
            return in.readNBytes(PAYLOAD_CUT);
        } catch (IOException | RuntimeException e) { // e.g. the S3 object is gone: the dead letter still names it
            return new byte[0];
        }
    }
}
