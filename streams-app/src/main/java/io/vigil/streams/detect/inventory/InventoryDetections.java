package io.vigil.streams.detect.inventory;

import io.vigil.schemas.HostInventory;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The host software and services drift family ({@link InventoryDriftDetector}): inventory rows (keyed
 * host/kind/item, so a host's rows are spread over partitions) re-keyed by host through the named repartition
 * topic {@code <application.id>-}{@value #REPARTITION}{@code -repartition}; per host, the store {@value #STORE}.
 * It attaches to the inventory stream the topology already reads (one source per topic).
 */
public final class InventoryDetections {
    public static final String STORE = "inventory-software-baselines";
    public static final String REPARTITION = "inventory-drift-by-host";

    private InventoryDetections() {}

    public static void addTo(StreamsBuilder builder, KStream<String, HostInventory> rows, DetectionContext ctx) {
        InventorySettings settings = InventorySettings.from(ctx.config());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), HostSoftwareSerde.serde()));
        KStream<String, HostInventory> byHost = rows
                .process(HostKeyer::new, Named.as("inventory-drift-key-by-host"))
                .repartition(Repartitioned.<String, HostInventory>as(REPARTITION).withKeySerde(Serdes.String())
                        .withValueSerde(Topics.INVENTORY_HOST.valueSerde(ctx.wire())));
        ctx.sink(byHost.process(() -> new InventoryDriftProcessor(STORE, settings, ctx.clock()), Named.as("inventory-drift"), STORE), "inventory-drift");
    }
}
