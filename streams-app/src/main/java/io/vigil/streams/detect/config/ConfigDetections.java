package io.vigil.streams.detect.config;

import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The configuration family: AWS Config items in, drift findings out. The input is keyed by resource
 * type and id (the collector keys it so), so a resource's baseline lives on one partition.
 */
public final class ConfigDetections {
    public static final String STORE = "config-baselines";

    private ConfigDetections() {}

    public static void addTo(StreamsBuilder builder, WireFormat wire, Clock clock) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), ConfigBaselineSerde.serde()));
        KStream<String, ConfigChange> changes = builder.stream(Topics.CONFIG_CHANGES.name(),
                Consumed.with(Topics.CONFIG_CHANGES.keySerde(), Topics.CONFIG_CHANGES.valueSerde(wire)).withName("config-changes-source"));
        changes.process(() -> new ConfigDriftProcessor(STORE, clock), Named.as("config-drift"), STORE)
                .to(Topics.FINDINGS.name(), Produced.with(Topics.FINDINGS.keySerde(), Topics.FINDINGS.valueSerde(wire)).withName("config-drift-findings"));
    }
}
