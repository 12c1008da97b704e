package io.vigil.streams.detect.inventory;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings of the host software and services drift detectors, declared once and validated when the topology is built.
 *
 * @param learningMs event time from a host's first inventory row during which its rows form its baseline silently
 */
public record InventorySettings(long learningMs) {
    public static final String LEARNING_MS = "vigil.inventory.learning.ms";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(LEARNING_MS, Type.LONG, 3_600_000L, Range.between(0, 30L * 86_400_000L), Importance.MEDIUM,
                    "Event time from a host's first inventory row during which what it reports (osquery's first differential run reports "
                            + "everything installed and listening) becomes its baseline without findings; changes after it are drift.");

    public static InventorySettings defaults() {
        return from(Map.of());
    }

    public static InventorySettings from(Map<String, ?> config) {
        Map<String, Object> mine = new HashMap<>();
        config.forEach((k, v) -> {
            if (CONFIG.names().contains(k)) {
                mine.put(k, v);
            }
        });
        return new InventorySettings(new AbstractConfig(CONFIG, mine, false).getLong(LEARNING_MS));
    }
}
