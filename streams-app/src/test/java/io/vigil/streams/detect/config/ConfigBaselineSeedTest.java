package io.vigil.streams.detect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.streams.api.query.StoreValues;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A configuration baseline published to baseline.snapshots comes back, approval included, as the same baseline. */
class ConfigBaselineSeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> snapshotOf(ConfigBaseline b) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(StoreValues.of(b)), new TypeReference<Map<String, Object>>() {});
    }

    @Test
    void learnedAndApprovedBaselinesComeBackWhole() throws Exception {
        TreeMap<String, String> settings = new TreeMap<>(Map.of("ipPermissions[0].fromPort", "443", "groupName", "web"));
        ConfigBaseline learned = new ConfigBaseline(settings, 1_700_000_000_000L, "12", new LinkedHashSet<>(List.of("d1", "d2")));
        ConfigBaseline approved = new ConfigBaseline(settings, 1_700_000_000_000L, "13", new LinkedHashSet<>(), "alice", 1_700_000_500_000L,
                "baseline.approved: port 443 for the load balancer");

        for (ConfigBaseline b : List.of(learned, approved)) {
            byte[] bytes = ConfigBaselineSeed.fromSnapshot(snapshotOf(b));
            assertThat(ConfigBaselineSerde.serde().deserializer().deserialize(null, bytes)).isEqualTo(b);
        }
    }

    @Test
    void aSnapshotWithoutSettingsIsRefused() {
        assertThatThrownBy(() -> ConfigBaselineSeed.fromSnapshot(Map.of("captured_at", "2024-01-01T00:00:00Z"))).hasMessageContaining("settings");
    }
}
