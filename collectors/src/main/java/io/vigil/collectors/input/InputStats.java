package io.vigil.collectors.input;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one input (file, object, page of events) gave: records found, published and dead-lettered, and the reasons. Invariant:
 * {@code read == published + deadLettered} once the input is finished.
 */
public final class InputStats {
    private final String path;
    private String format = "unknown";
    private long read;
    private long published;
    private long deadLettered;
    private final Map<String, Long> reasons = new TreeMap<>();

    public InputStats(String path) {
        this.path = path;
    }

    synchronized void format(String format) {
        this.format = format;
    }

    synchronized void found() {
        read++;
    }

    synchronized void published() {
        published++;
    }

    synchronized void deadLettered(String reason) {
        deadLettered++;
        reasons.merge(reason, 1L, Long::sum);
    }

    public String path() {
        return path;
    }

    public synchronized String format() {
        return format;
    }

    public synchronized long read() {
        return read;
    }

    public synchronized long publishedCount() {
        return published;
    }

    public synchronized long deadLetteredCount() {
        return deadLettered;
    }

    public synchronized Map<String, Long> reasons() {
        return Map.copyOf(reasons);
    }
}
