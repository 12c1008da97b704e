package io.vigil.streams.detect.config.attribution;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of drift attribution, declared once and validated when the topology is built. */
public final class AttributionSettings {
    public static final String BEFORE_MS = "vigil.config.attribution.before.ms";
    public static final String AFTER_MS = "vigil.config.attribution.after.ms";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(BEFORE_MS, Type.LONG, 900_000L, Range.between(0, 86_400_000L), Importance.MEDIUM,
                    "How long before a configuration item's capture time the call that caused it may be (Config records a change within minutes).")
            .define(AFTER_MS, Type.LONG, 120_000L, Range.between(0, 3_600_000L), Importance.LOW,
                    "How long after the capture time the call may be (clock skew between CloudTrail and Config).");

    private AttributionSettings() {}

    public static DriftAttributor.Window window(Map<String, ?> config) {
        Map<String, Object> mine = new HashMap<>();
        config.forEach((k, v) -> {
            if (CONFIG.names().contains(k)) {
                mine.put(k, v);
            }
        });
        AbstractConfig c = new AbstractConfig(CONFIG, mine, false);
        return new DriftAttributor.Window(c.getLong(BEFORE_MS), c.getLong(AFTER_MS));
    }
}
