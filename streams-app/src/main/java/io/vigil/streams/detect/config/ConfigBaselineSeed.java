package io.vigil.streams.detect.config;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource's configuration baseline rebuilt from its {@code baseline.snapshots} form (snake_case
 * fields, times as ISO-8601), as the bytes its store and changelog hold, so that a hunt judges changes
 * against the baseline as it was, approvals included.
 */
public final class ConfigBaselineSeed {
    private ConfigBaselineSeed() {}

    /** @throws IllegalArgumentException when the snapshot lacks a field a baseline needs */
    public static byte[] fromSnapshot(Map<String, Object> baseline) {
        if (!(baseline.get("settings") instanceof Map<?, ?> settings) || baseline.get("captured_at") == null) {
            throw new IllegalArgumentException("config snapshot without settings or captured_at");
        }
        TreeMap<String, String> flat = new TreeMap<>();
        settings.forEach((k, v) -> flat.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        LinkedHashSet<String> reported = new LinkedHashSet<>();
        if (baseline.get("reported") instanceof List<?> r) {
            r.forEach(d -> reported.add(String.valueOf(d)));
        }
        Object approvedAt = baseline.get("approved_at");
        ConfigBaseline b = new ConfigBaseline(flat, Instant.parse(String.valueOf(baseline.get("captured_at"))).toEpochMilli(),
                (String) baseline.get("state_id"), reported, (String) baseline.get("approved_by"),
                approvedAt == null ? null : Instant.parse(String.valueOf(approvedAt)).toEpochMilli(), (String) baseline.get("approval"));
        return ConfigBaselineSerde.serde().serializer().serialize(null, b);
    }
}
