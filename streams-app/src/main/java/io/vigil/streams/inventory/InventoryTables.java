package io.vigil.streams.inventory;

import io.vigil.schemas.HostInventory;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The host inventory baseline: {@code inventory.host} rows (keyed host|kind|item) regrouped by host into
 * the {@value #STORE} table (RocksDB, compacted changelog), one {@link HostBaseline} per host, which the
 * baseline API and {@code baseline.snapshots} read. One repartition ({@value #REPARTITION}): the input's
 * key spreads a host's items over partitions, and a host's baseline must be in one place to be queried.
 *
 * <p>This is the topology's only source of {@code inventory.host} (Kafka Streams allows one per topic):
 * other families that read inventory attach to the stream {@link #addTo} returns.
 */
public final class InventoryTables {
    public static final String STORE = "inventory-hosts";
    static final String REPARTITION = "inventory-hosts-by-host";

    private InventoryTables() {}

    /** Adds the table; returns the inventory rows as read, for other families to attach to. */
    public static KStream<String, HostInventory> addTo(StreamsBuilder builder, DetectionContext ctx) {
        KStream<String, HostInventory> rows = builder.stream(Topics.INVENTORY_HOST.name(),
                Consumed.with(Topics.INVENTORY_HOST.keySerde(), Topics.INVENTORY_HOST.valueSerde(ctx.wire())).withName("inventory-host-source"));
        rows.filter((k, row) -> row != null && row.getHostIdentifier() != null, Named.as("inventory-hosts-rows"))
                .selectKey((k, row) -> row.getHostIdentifier(), Named.as("inventory-hosts-key-by-host"))
                .groupByKey(Grouped.with(REPARTITION, Serdes.String(), Topics.INVENTORY_HOST.valueSerde(ctx.wire())))
                .aggregate(() -> null, (host, row, before) -> HostBaselines.apply(before, row), Named.as("inventory-hosts-aggregate"),
                        Materialized.<String, HostBaseline, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(HostBaselineSerde.serde()));
        return rows;
    }
}
