package io.vigil.streams.detect.audit.principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.streams.api.query.StoreValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A profile published to baseline.snapshots comes back, through its JSON, as the same profile in the store's bytes. */
class PrincipalProfileSeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSnapshotSeedsTheSameProfileWithItsRecencyOrder() throws Exception {
        PrincipalProfile p = new PrincipalProfile();
        p.firstSeen = 1_700_000_000_000L;
        p.lastSeen = 1_700_400_000_000L;
        p.events = 321;
        p.networks.put("198.51.100.0/24", 1_700_100_000_000L);
        p.networks.put("203.0.113.0/24", 1_700_300_000_000L);
        p.networks.get("198.51.100.0/24"); // touched last: most recent
        p.agents.put("aws-cli", 1_700_300_000_000L);
        p.regions.put("us-east-1", 1_700_300_000_000L);
        p.apis.put("s3:ListBuckets", 1_700_300_000_000L);
        Map<String, Object> snapshot = JSON.readValue(JSON.writeValueAsString(StoreValues.of(p)), new TypeReference<Map<String, Object>>() {});

        PrincipalProfile seeded = PrincipalProfileSerde.serde().deserializer().deserialize(null, PrincipalProfileSeed.fromSnapshot(snapshot));

        assertThat(StoreValues.of(seeded)).isEqualTo(StoreValues.of(p));
        assertThat(List.copyOf(seeded.networks.keySet())).containsExactly("203.0.113.0/24", "198.51.100.0/24");
        seeded.networks.put("192.0.2.0/24", 1L);
        assertThat(seeded.networks).as("still a bounded LRU map").hasSize(3);
    }

    @Test
    void somethingElseIsRefusedByName() {
        assertThatThrownBy(() -> PrincipalProfileSeed.fromSnapshot(Map.of("settings", Map.of()))).hasMessageContaining("first_seen");
    }
}
