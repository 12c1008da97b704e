package io.vigil.streams.detect.audit.burst;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * A principal's recent API calls within a sliding event-time window, bounded in size, and when each
 * burst rule last fired (so one burst gives one finding, not one per call).
 */
final class ActivityWindow {
    static final int MAX_ENTRIES = 1000;

    final Deque<Activity> entries = new ArrayDeque<>();
    final Map<BurstRule, Long> lastFired = new EnumMap<>(BurstRule.class);
    /** When each attack chain ({@link AttackSequence#name()}) last fired: chains are judged independently. */
    final Map<String, Long> chainsFired = new java.util.TreeMap<>();
    long maxTimeMillis = Long.MIN_VALUE;

    /** Adds the call and forgets calls older than the window behind the newest event time seen. */
    ActivityWindow update(Activity a, long windowMillis) {
        entries.addLast(a);
        maxTimeMillis = Math.max(maxTimeMillis, a.timeMillis());
        long horizon = maxTimeMillis - windowMillis;
        entries.removeIf(e -> e.timeMillis() < horizon);
        while (entries.size() > MAX_ENTRIES) {
            entries.removeFirst();
        }
        return this;
    }
}
