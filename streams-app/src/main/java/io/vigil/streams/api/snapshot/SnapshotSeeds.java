package io.vigil.streams.api.snapshot;

import io.vigil.schemas.topics.Topics;
import io.vigil.streams.api.query.BaselineKind;
import io.vigil.streams.detect.audit.principal.PrincipalProfileSeed;
import io.vigil.streams.detect.config.ConfigBaselineSeed;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which baselines of {@code baseline.snapshots} can seed a new application's stores (a hunt starting
 * from the baseline as it was), and how: the store, the input topic whose partitioning the store
 * follows (an entity's entry must sit in the changelog partition of the task that reads its records),
 * and the conversion of the snapshot's JSON into the store's bytes. The others say why not.
 */
public final class SnapshotSeeds {
    /** A seedable kind: its store, the topic it is partitioned like, and snapshot JSON to store value bytes. */
    public record Seed(BaselineKind kind, String store, String partitionedLike, Function<Map<String, Object>, byte[]> storeValue) {}

    /** Kinds a snapshot cannot seed, with the reason (docs/OPERATIONS.md repeats it). */
    public static final Map<BaselineKind, String> NOT_SEEDED = Map.of(
            BaselineKind.FLOWS, "a flow profile is stored in several entries keyed by interface and hour of week, and its snapshot leaves out "
                    + "the short-lived probe and connection windows; the hunt learns flows again from its range",
            BaselineKind.HOSTS, "inventory-hosts is a table aggregated from inventory.host through a repartition topic, and inventory.host is "
                    + "compacted history: the hunt rebuilds it from the rows in its range");

    private SnapshotSeeds() {}

    public static Optional<Seed> of(BaselineKind kind) {
        return switch (kind) {
            case PRINCIPALS -> Optional.of(new Seed(kind, kind.store(), Topics.AUDIT_EVENTS.name(), PrincipalProfileSeed::fromSnapshot));
            case CONFIG -> Optional.of(new Seed(kind, kind.store(), Topics.CONFIG_CHANGES.name(), ConfigBaselineSeed::fromSnapshot));
            default -> Optional.empty();
        };
    }
}
