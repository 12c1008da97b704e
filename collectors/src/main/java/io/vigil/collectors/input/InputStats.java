package io.vigil.collectors.input;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one input (file, object, page of events) gave: records found, published and dead-lettered, and the reasons. Invariant:
 * {@code read == published + deadLettered} once the input is finished.
 */
public final class InputStats {
    private final String path;
    private volatile String format = "unknown";
    // The reader's thread counts what it finds, the producer's thread what was published: separate
    // counters, so that neither waits for the other on every record.
    private final LongAdder read = new LongAdder();
    private final LongAdder published = new LongAdder();
    private long deadLettered;
    private final Map<String, Long> reasons = new TreeMap<>();
    private volatile String heldBackAt;
    private volatile long heldBackBytes;

    public InputStats(String path) {
        this.path = path;
    }

    void format(String format) {
        this.format = format;
    }

    void found() {
        read.increment();
    }

    void published() {
        published.increment();
    }

    synchronized void deadLettered(String reason) {
        deadLettered++;
        reasons.merge(reason, 1L, Long::sum);
    }

    void heldBack(String position, long bytes) {
        heldBackAt = position;
        heldBackBytes = bytes;
    }

    /** Where a last line without newline was held back (not read: a writer may be appending to it), null if none. */
    public String heldBackAt() {
        return heldBackAt;
    }

    public long heldBackBytes() {
        return heldBackBytes;
    }

    public String path() {
        return path;
    }

    public String format() {
        return format;
    }

    public long read() {
        return read.sum();
    }

    public long publishedCount() {
        return published.sum();
    }

    public synchronized long deadLetteredCount() {
        return deadLettered;
    }

    public synchronized Map<String, Long> reasons() {
        return Map.copyOf(reasons);
    }
}
