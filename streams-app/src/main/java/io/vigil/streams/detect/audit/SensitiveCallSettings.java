package io.vigil.streams.detect.audit;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings of {@code audit.sensitive_call}, declared once and validated when the topology is built.
 *
 * @param windowMillis event time either side of a call's first occurrence within which repeats of the same call by the
 *                     same principal, with the same outcome, update that finding's count instead of raising new ones
 */
public record SensitiveCallSettings(long windowMillis) {
    public static final String WINDOW_MS = "vigil.audit.sensitive_call.window.ms";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(WINDOW_MS, Type.LONG, 3_600_000L, Range.between(1_000L, 86_400_000L), Importance.LOW,
                    "Event time (ms, 1 s to 1 day) within which repeats of a catalogue call by one principal with the same outcome are one "
                            + "finding, re-sent with the same id and a growing count.");

    public static SensitiveCallSettings defaults() {
        return from(Map.of());
    }

    /** Reads the keys above from a property map (others are ignored); throws ConfigException naming the key on a bad value. */
    public static SensitiveCallSettings from(Map<String, ?> config) {
        Map<String, Object> mine = new HashMap<>();
        config.forEach((k, v) -> {
            if (CONFIG.names().contains(k)) {
                mine.put(k, v);
            }
        });
        return new SensitiveCallSettings(new AbstractConfig(CONFIG, mine, false).getLong(WINDOW_MS));
    }
}
