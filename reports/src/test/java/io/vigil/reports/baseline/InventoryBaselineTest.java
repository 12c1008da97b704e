package io.vigil.reports.baseline;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.pkg;
import static io.vigil.reports.TestRecords.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InventoryBaselineTest {
    private static final List<HostInventory> HISTORY = List.of(
            // first snapshot of host a: openssl and curl
            pkg("a", InventoryAction.SNAPSHOT, T0, "openssl", "3.0.11").build(),
            pkg("a", InventoryAction.SNAPSHOT, T0, "curl", "7.88").build(),
            // a later snapshot no longer lists curl: it was uninstalled without a REMOVED row
            pkg("a", InventoryAction.SNAPSHOT, T0.plusSeconds(3600), "openssl", "3.0.11").build(),
            // after the snapshot, a differential adds nginx and removes openssl
            pkg("a", InventoryAction.ADDED, T0.plusSeconds(3700), "nginx", "1.22").build(),
            pkg("a", InventoryAction.REMOVED, T0.plusSeconds(3800), "openssl", "3.0.11").build(),
            // host b: same openssl version, and a listening port added then kept
            pkg("b", InventoryAction.ADDED, T0, "openssl", "3.0.11").setHostname("web-1").setInstanceId("i-0b").build(),
            port("b", InventoryAction.ADDED, T0.plusSeconds(10), 443).build());

    @Test
    void rebuildsTheCurrentInventoryFromSnapshotsAndDifferentials() {
        InventorySummary s = summarise(HISTORY);
        assertThat(s.hosts()).extracting(HostSummary::host, HostSummary::packages, HostSummary::listeningPorts)
                .containsExactly(tuple("a", 1, 0), tuple("b", 1, 1));
        assertThat(s.distinctPackages()).as("nginx 1.22 and openssl 3.0.11").isEqualTo(2);
        assertThat(s.packageInstalls()).isEqualTo(2);
        assertThat(s.listeningPorts()).isEqualTo(1);
        assertThat(s.hosts().get(1).hostname()).isEqualTo("web-1");
        assertThat(s.asOf()).contains(T0.plusSeconds(3800));
    }

    @Test
    void givesTheSameInventoryWhateverOrderTheRowsAreReadIn() {
        InventorySummary inOrder = summarise(HISTORY);
        List<HostInventory> shuffled = new ArrayList<>(HISTORY);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(shuffled, random);
            assertThat(summarise(shuffled)).isEqualTo(inOrder);
        }
    }

    private static InventorySummary summarise(List<HostInventory> rows) {
        InventoryBaseline baseline = new InventoryBaseline();
        rows.forEach(baseline::add);
        return baseline.summary();
    }
}
