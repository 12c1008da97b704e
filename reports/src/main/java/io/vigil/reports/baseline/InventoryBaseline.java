package io.vigil.reports.baseline;

import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rebuilds the current inventory from osquery rows, whatever order they are read in: the topic is
 * compacted and spread over partitions, so only the newest row of each item is kept. An item is present
 * when its newest row belongs to its query's newest snapshot, or was added at or after that snapshot;
 * a snapshot replaces the whole result set of its query, which is how items vanish without a REMOVED row.
 */
public final class InventoryBaseline {
    private record QueryKey(String host, String query) {}

    private record ItemKey(QueryKey query, InventoryKind kind, String identity) {}

    private record Latest(Instant time, InventoryAction action, String packageKey) {}

    private record HostInfo(String hostname, String instanceId, Instant lastSeen) {}

    private final Map<ItemKey, Latest> items = new HashMap<>();
    private final Map<QueryKey, Instant> latestSnapshot = new HashMap<>();
    private final Map<String, HostInfo> hosts = new HashMap<>();
    private long rows;

    public void add(HostInventory row) {
        rows++;
        Instant t = row.getEventTime();
        QueryKey query = new QueryKey(row.getHostIdentifier(), row.getQueryName());
        if (row.getAction() == InventoryAction.SNAPSHOT) {
            latestSnapshot.merge(query, t, (a, b) -> a.isAfter(b) ? a : b);
        }
        String packageKey = row.getKind() == InventoryKind.PACKAGE ? row.getPackageName() + " " + row.getPackageVersion() : null;
        // on equal times the row read later wins, as it would in the log
        items.merge(new ItemKey(query, row.getKind(), identity(row)), new Latest(t, row.getAction(), packageKey),
                (old, now) -> now.time().isBefore(old.time()) ? old : now);
        hosts.merge(row.getHostIdentifier(), new HostInfo(row.getHostname(), row.getInstanceId(), t), InventoryBaseline::newer);
    }

    /** The newest row's names, falling back to older rows' for the columns a query did not select. */
    private static HostInfo newer(HostInfo old, HostInfo now) {
        boolean nowIsNewer = !now.lastSeen().isBefore(old.lastSeen());
        HostInfo latest = nowIsNewer ? now : old;
        HostInfo earlier = nowIsNewer ? old : now;
        return new HostInfo(latest.hostname() != null ? latest.hostname() : earlier.hostname(),
                latest.instanceId() != null ? latest.instanceId() : earlier.instanceId(), latest.lastSeen());
    }

    private static String identity(HostInventory r) {
        return switch (r.getKind()) {
            case PACKAGE -> r.getPackageName() + "|" + r.getPackageVersion() + "|" + r.getPackageSource();
            case LISTENING_PORT -> r.getPort() + "|" + r.getProtocol() + "|" + r.getAddress();
            case PROCESS -> r.getPid() + "|" + r.getProcessName() + "|" + r.getPath();
            case OTHER -> new TreeMap<>(r.getColumns()).toString();
        };
    }

    private boolean present(ItemKey key, Latest latest) {
        Instant snapshot = latestSnapshot.get(key.query());
        return switch (latest.action()) {
            case SNAPSHOT -> latest.time().equals(snapshot);
            case ADDED -> snapshot == null || !latest.time().isBefore(snapshot);
            case REMOVED -> false;
        };
    }

    public InventorySummary summary() {
        Map<String, int[]> countsByHost = new HashMap<>();
        Set<String> packages = new HashSet<>();
        long installs = 0;
        long ports = 0;
        for (var e : items.entrySet()) {
            if (!present(e.getKey(), e.getValue())) {
                continue;
            }
            int[] counts = countsByHost.computeIfAbsent(e.getKey().query().host(), h -> new int[InventoryKind.values().length]);
            counts[e.getKey().kind().ordinal()]++;
            if (e.getKey().kind() == InventoryKind.PACKAGE) {
                installs++;
                packages.add(e.getValue().packageKey());
            } else if (e.getKey().kind() == InventoryKind.LISTENING_PORT) {
                ports++;
            }
        }
        List<HostSummary> hostRows = hosts.entrySet().stream()
                .map(h -> {
                    int[] c = countsByHost.getOrDefault(h.getKey(), new int[InventoryKind.values().length]);
                    return new HostSummary(h.getKey(), h.getValue().hostname(), h.getValue().instanceId(), c[InventoryKind.PACKAGE.ordinal()],
                            c[InventoryKind.LISTENING_PORT.ordinal()], c[InventoryKind.PROCESS.ordinal()], h.getValue().lastSeen());
                })
                .sorted(Comparator.comparing(HostSummary::host))
                .toList();
        Optional<Instant> asOf = hosts.values().stream().map(HostInfo::lastSeen).max(Comparator.naturalOrder());
        return new InventorySummary(hostRows, packages.size(), installs, ports, rows, asOf);
    }
}
