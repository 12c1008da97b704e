package io.vigil.responders;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Idempotency keys of steps this process executed, so that a redelivered finding does not repeat them.
 * The adapters' own state checks (already contained, already snapshotted, key already inactive) are what
 * holds across restarts; this covers steps without cloud state to check, such as notifications. Bounded,
 * oldest forgotten first.
 */
final class ExecutedKeys {
    private static final int MAX = 100_000;

    private final Set<String> keys = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX;
        }
    }));

    boolean contains(String key) {
        return keys.contains(key);
    }

    void add(String key) {
        keys.add(key);
    }
}
