package io.vigil.streams.detect.sigma;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the Sigma family, declared once and validated when the topology is built. */
record SigmaSettings(boolean shipped, List<String> dirs) {
    static final String SHIPPED = "vigil.sigma.shipped";
    static final String DIRS = "vigil.sigma.rules.dirs";

    static final ConfigDef CONFIG = new ConfigDef()
            .define(SHIPPED, Type.BOOLEAN, true, Importance.LOW, "Load the Sigma rules shipped with Vigil (streams-app sigma/).")
            .define(DIRS, Type.LIST, List.of(), Importance.MEDIUM,
                    "Folders of Sigma rule files (.yml, .yaml) to load at start-up; rules on the 'rules' topic are added and changed without a restart.");

    static SigmaSettings from(Map<String, ?> config) {
        Map<String, Object> mine = new java.util.HashMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith("vigil.sigma.")) {
                mine.put(k, v);
            }
        });
        AbstractConfig c = new AbstractConfig(CONFIG, mine, false);
        return new SigmaSettings(c.getBoolean(SHIPPED), c.getList(DIRS));
    }
}
