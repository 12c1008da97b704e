package io.vigil.streams.inventory;

import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import java.util.TreeMap;

/** Pure update of a {@link HostBaseline} by one inventory row: additions and snapshots keep an item, removals drop it. */
public final class HostBaselines {
    private HostBaselines() {}

    public static HostBaseline apply(HostBaseline before, HostInventory row) {
        HostBaseline b = before != null ? before : HostBaseline.empty(row.getHostIdentifier());
        TreeMap<String, HostItem> items = new TreeMap<>(b.items());
        long dropped = b.droppedItems();
        String key = HostItem.key(row);
        long time = row.getEventTime().toEpochMilli();
        if (row.getAction() == InventoryAction.REMOVED) {
            items.remove(key);
        } else {
            HostItem known = items.get(key);
            if (known != null || items.size() < HostBaseline.MAX_ITEMS) {
                items.put(key, HostItem.of(row, known != null ? Math.min(known.firstSeen(), time) : time));
            } else {
                dropped++;
            }
        }
        return new HostBaseline(b.host(), row.getHostname() != null ? row.getHostname() : b.hostname(),
                row.getInstanceId() != null ? row.getInstanceId() : b.instanceId(), Math.max(b.lastEventTime(), time), items, dropped);
    }
}
