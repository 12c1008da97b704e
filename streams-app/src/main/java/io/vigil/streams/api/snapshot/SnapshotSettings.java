package io.vigil.streams.api.snapshot;

import io.vigil.schemas.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings of the periodic baseline scan (gauges and snapshots), declared once in {@link #CONFIG} and
 * validated by {@link #from}.
 *
 * @param intervalMillis wall-clock time between two scans of this instance's baselines
 * @param publish        whether changed baselines are published to {@code topic}
 * @param topic          the compacted snapshot topic
 */
public record SnapshotSettings(long intervalMillis, boolean publish, String topic) {
    private static final String P = "vigil.baseline.";
    public static final String INTERVAL_MS = P + "scan.interval.ms";
    public static final String PUBLISH = P + "snapshots.enabled";
    public static final String TOPIC = P + "snapshots.topic";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(100), Importance.MEDIUM,
                    "Wall-clock time between two scans of the baseline stores: the vigil_baseline_* gauges are updated and the baselines that changed are published.")
            .define(PUBLISH, Type.BOOLEAN, true, Importance.MEDIUM, "Publish changed baselines to the snapshot topic.")
            .define(TOPIC, Type.STRING, Topics.BASELINE_SNAPSHOTS.name(), Importance.LOW,
                    "Compacted topic of baseline snapshots: key <kind>/<entity>, value JSON.");

    public SnapshotSettings {
        if (intervalMillis < 100 || topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("invalid baseline snapshot settings");
        }
    }

    public static SnapshotSettings defaults() {
        return from(Map.of());
    }

    public static SnapshotSettings from(Map<String, ?> props) {
        Map<String, Object> mine = new HashMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith(P)) {
                mine.put(k, v);
            }
        });
        AbstractConfig c = new AbstractConfig(CONFIG, mine, false);
        return new SnapshotSettings(c.getLong(INTERVAL_MS), c.getBoolean(PUBLISH), c.getString(TOPIC));
    }
}
