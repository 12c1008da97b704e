package io.vigil.streams.detect.config;

import java.util.LinkedHashSet;
import java.util.TreeMap;

/**
 * A resource's baselined configuration (the first one seen, until a person approves another) and
 * which drifts and risks were already reported, so a drift that persists is reported once.
 *
 * @param settings   the configuration, flattened
 * @param capturedAt capture time of the baselined configuration, epoch millis
 * @param stateId    Config's state id of the baselined configuration
 * @param reported   digests of drifts and risk names already reported (bounded)
 */
record ConfigBaseline(TreeMap<String, String> settings, long capturedAt, String stateId, LinkedHashSet<String> reported) {
    static final int MAX_REPORTED = 64;

    ConfigBaseline withReported(String digest) {
        LinkedHashSet<String> next = new LinkedHashSet<>(reported);
        next.add(digest);
        while (next.size() > MAX_REPORTED) {
            next.remove(next.iterator().next());
        }
        return new ConfigBaseline(settings, capturedAt, stateId, next);
    }
}
