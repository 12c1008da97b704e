package io.vigil.streams.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.Origin;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostBaselinesTest {
    private static final Instant T = Instant.parse("2024-08-05T00:00:00Z");

    @Test
    void anUpgradeReplacesTheOldVersionAndKeepsWhenTheHostWasFirstSeenWithIt() {
        HostBaseline b = HostBaselines.apply(null, pkg("openssl", "3.0.1", InventoryAction.SNAPSHOT, 0));
        b = HostBaselines.apply(b, listening(22, InventoryAction.ADDED, 10));
        b = HostBaselines.apply(b, pkg("openssl", "3.0.1", InventoryAction.SNAPSHOT, 60));
        assertThat(b.itemsOf("PACKAGE").values()).singleElement().satisfies(i -> assertThat(i.firstSeen()).isEqualTo(T.toEpochMilli()));

        b = HostBaselines.apply(b, pkg("openssl", "3.0.1", InventoryAction.REMOVED, 120));
        b = HostBaselines.apply(b, pkg("openssl", "3.0.2", InventoryAction.ADDED, 120));
        assertThat(b.itemsOf("PACKAGE").values()).singleElement().satisfies(i -> assertThat(i.version()).isEqualTo("3.0.2"));
        assertThat(b.itemsOf("LISTENING_PORT").values()).singleElement().satisfies(i -> assertThat(i.port()).isEqualTo(22));
        assertThat(b.host()).isEqualTo("web-1");
        assertThat(b.instanceId()).isEqualTo("i-0a1");
        assertThat(b.lastEventTime()).isEqualTo(T.plusSeconds(120).toEpochMilli());
    }

    @Test
    void aHostKeepsAtMostMaxItemsAndCountsTheRest() {
        HostBaseline b = null;
        for (int i = 0; i < HostBaseline.MAX_ITEMS + 5; i++) {
            b = HostBaselines.apply(b, pkg("p" + i, "1", InventoryAction.SNAPSHOT, 0));
        }
        assertThat(b.items()).hasSize(HostBaseline.MAX_ITEMS);
        assertThat(b.droppedItems()).isEqualTo(5);
    }

    static HostInventory pkg(String name, String version, InventoryAction action, long seconds) {
        return row(InventoryKind.PACKAGE, action, seconds).setPackageName(name).setPackageVersion(version).setPackageSource("deb").build();
    }

    static HostInventory listening(int port, InventoryAction action, long seconds) {
        return row(InventoryKind.LISTENING_PORT, action, seconds).setPort(port).setProtocol(6).setAddress("0.0.0.0").setProcessName("sshd").build();
    }

    static HostInventory.Builder row(InventoryKind kind, InventoryAction action, long seconds) {
        return HostInventory.newBuilder().setHostIdentifier("web-1").setHostname("web-1.internal").setInstanceId("i-0a1").setQueryName("q")
                .setKind(kind).setAction(action).setEventTime(T.plusSeconds(seconds)).setColumns(Map.of())
                .setOrigin(new Origin("test", "line 1", "osquery", T));
    }
}
