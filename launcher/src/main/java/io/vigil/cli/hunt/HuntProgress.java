package io.vigil.cli.hunt;

import io.vigil.cli.progress.ProgressBar;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far a hunt is: the input records its group has committed past (of those between its start and
 * stop offsets), and the event time it has reached, which is the record time of the last record
 * committed on the partition furthest behind. Read from Kafka only (the group's offsets and one
 * record per partition), so it costs the hunt nothing; for display, never for deciding anything.
 */
final class HuntProgress implements AutoCloseable {
    /** One reading: records scanned of the total, and the event time reached (empty before the first commit). */
    record Snapshot(long scanned, long total, Optional<Instant> position) {}

    private final Admin admin;
    private final HuntManifest hunt;
    private final Map<String, Object> clientProps;
    private final long scannedAtStart;
    private KafkaConsumer<byte[], byte[]> peek;

    HuntProgress(Admin admin, Map<String, Object> clientProps, HuntManifest hunt) {
        this.admin = admin;
        this.hunt = hunt;
        this.clientProps = clientProps;
        this.scannedAtStart = scanned(committed());
    }

    Snapshot snapshot() {
        Map<TopicPartition, Long> committed = committed();
        return new Snapshot(scanned(committed), hunt.records(), position(committed));
    }

    /** E.g. {@code hunt h1: 12.3 k of 45.6 k records (27%)  4.1 k/s  at 2024-03-03T10:00:00Z in [.., ..)  ETA 0:00:08}. */
    String line(Duration elapsed) {
        try {
            return line(hunt.spec(), snapshot(), scannedAtStart, elapsed);
        } catch (RuntimeException e) {
            return "hunt " + hunt.spec().id() + ": progress unavailable (" + e.getMessage() + ")";
        }
    }

    static String line(HuntSpec spec, Snapshot s, long scannedAtStart, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        long done = s.scanned() - scannedAtStart;
        StringBuilder b = new StringBuilder("hunt ").append(spec.id()).append(": ")
                .append(ProgressBar.count(s.scanned())).append(" of ").append(ProgressBar.count(s.total())).append(" records")
                .append(String.format(Locale.ROOT, " (%d%%)", s.total() == 0 ? 100 : Math.min(100, s.scanned() * 100 / s.total())))
                .append("  ").append(ProgressBar.count((long) (done / seconds))).append("/s  at ")
                .append(s.position().map(Instant::toString).orElse("start")).append(" in [").append(spec.from()).append(", ").append(spec.to()).append(')');
        if (done > 0 && s.scanned() < s.total()) {
            long left = (long) ((s.total() - s.scanned()) * (seconds / done));
            b.append(String.format(Locale.ROOT, "  ETA %d:%02d:%02d", left / 3600, left / 60 % 60, left % 60));
        }
        return b.toString();
    }

    private Map<TopicPartition, Long> committed() {
        try {
            Map<TopicPartition, Long> out = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> c = admin.listConsumerGroupOffsets(hunt.spec().applicationId())
                    .partitionsToOffsetAndMetadata().get();
            c.forEach((tp, o) -> {
                if (o != null) {
                    out.put(tp, o.offset());
                }
            });
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot read the hunt's offsets: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private long scanned(Map<TopicPartition, Long> committed) {
        long n = 0;
        for (var e : hunt.stop().entrySet()) {
            long start = hunt.start().getOrDefault(e.getKey(), e.getValue());
            long at = Math.min(e.getValue(), committed.getOrDefault(e.getKey(), start));
            n += Math.max(0, at - start);
        }
        return n;
    }

    /** The record time of the last committed record on the partition furthest behind in event time. */
    private Optional<Instant> position(Map<TopicPartition, Long> committed) {
        Map<TopicPartition, Long> last = new HashMap<>();
        boolean unstarted = false;
        for (var e : hunt.stop().entrySet()) {
            long start = hunt.start().getOrDefault(e.getKey(), e.getValue());
            long at = committed.getOrDefault(e.getKey(), start);
            if (at >= e.getValue()) {
                continue; // done with this partition
            }
            if (at <= start) {
                unstarted = true;
            } else {
                last.put(e.getKey(), at - 1);
            }
        }
        if (unstarted) {
            return Optional.empty();
        }
        if (last.isEmpty()) {
            return Optional.of(hunt.spec().to());
        }
        return recordTimes(last).values().stream().min(Instant::compareTo);
    }

    private Map<TopicPartition, Instant> recordTimes(Map<TopicPartition, Long> offsets) {
        if (peek == null) {
            Map<String, Object> props = new HashMap<>(clientProps);
            props.remove(ConsumerConfig.GROUP_ID_CONFIG);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-hunt-progress-" + hunt.spec().id());
            peek = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        peek.assign(List.copyOf(offsets.keySet()));
        offsets.forEach(peek::seek);
        Map<TopicPartition, Instant> out = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (out.size() < offsets.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : peek.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                out.putIfAbsent(tp, Instant.ofEpochMilli(r.timestamp()));
                peek.pause(List.of(tp));
            }
        }
        peek.resume(peek.paused());
        return out;
    }

    @Override
    public void close() {
        if (peek != null) {
            peek.close();
        }
    }
}
