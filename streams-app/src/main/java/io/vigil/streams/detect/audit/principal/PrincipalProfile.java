package io.vigil.streams.detect.audit.principal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a principal normally does, learned from its own calls: from which networks, with which tools,
 * in which regions, which APIs, since when. Every set is bounded (least recently seen dropped first),
 * so a principal's state stays small however long it lives.
 */
final class PrincipalProfile {
    static final int MAX_NETWORKS = 64;
    static final int MAX_AGENTS = 32;
    static final int MAX_REGIONS = 32;
    static final int MAX_APIS = 1024;

    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    long events;
    /** Event time at which the baseline became judgeable (enough calls over enough time); null while learning. */
    Long learnedAt;
    final Map<String, Long> networks = lru(MAX_NETWORKS);
    final Map<String, Long> agents = lru(MAX_AGENTS);
    final Map<String, Long> regions = lru(MAX_REGIONS);
    final Map<String, Long> apis = lru(MAX_APIS);
    /** How often each API was called (the same keys as {@link #apis}, touched together, so both drop the same least recent one). */
    final Map<String, Long> apiCalls = lru(MAX_APIS);

    boolean learned(long minEvents, long minSpanMillis) {
        return events >= minEvents && lastSeen - firstSeen >= minSpanMillis;
    }

    static Map<String, Long> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > max;
            }
        };
    }
}
