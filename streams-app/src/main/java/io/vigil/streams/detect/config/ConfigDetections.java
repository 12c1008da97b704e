package io.vigil.streams.detect.config;

import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The configuration family: AWS Config items in, drift findings out. The input is keyed by resource
 * type and id (the collector keys it so), so a resource's baseline lives on one partition.
 */
public final class ConfigDetections {
    public static final String STORE = "config-baselines";

    private ConfigDetections() {}

    public static void addTo(StreamsBuilder builder, DetectionContext ctx) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), ConfigBaselineSerde.serde()));
        KStream<String, ConfigChange> changes = builder.stream(Topics.CONFIG_CHANGES.name(),
                Consumed.with(Topics.CONFIG_CHANGES.keySerde(), Topics.CONFIG_CHANGES.valueSerde(ctx.wire())).withName("config-changes-source"));
        ctx.sink(changes.process(() -> new ConfigDriftProcessor(STORE, ctx.clock()), Named.as("config-drift"), STORE), "config-drift");
    }
}
