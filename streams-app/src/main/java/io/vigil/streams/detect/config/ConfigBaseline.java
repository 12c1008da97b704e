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
 * @param approvedBy who approved this baseline (from {@code baseline.approved}); null when it was learned
 * @param approvedAt when it was approved, epoch millis; null when learned
 * @param approval   where the approved configuration came from and why (source, reason); null when learned
 */
record ConfigBaseline(TreeMap<String, String> settings, long capturedAt, String stateId, LinkedHashSet<String> reported,
                      String approvedBy, Long approvedAt, String approval) {
    static final int MAX_REPORTED = 64;

    /** A learned baseline: the first configuration seen. */
    ConfigBaseline(TreeMap<String, String> settings, long capturedAt, String stateId, LinkedHashSet<String> reported) {
        this(settings, capturedAt, stateId, reported, null, null, null);
    }

    boolean approved() {
        return approvedBy != null;
    }

    ConfigBaseline withReported(String digest) {
        LinkedHashSet<String> next = new LinkedHashSet<>(reported);
        next.add(digest);
        while (next.size() > MAX_REPORTED) {
            next.remove(next.iterator().next());
        }
        return new ConfigBaseline(settings, capturedAt, stateId, next, approvedBy, approvedAt, approval);
    }
}
