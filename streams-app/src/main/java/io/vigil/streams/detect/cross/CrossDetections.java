package io.vigil.streams.detect.cross;

import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.detect.flow.FlowConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The cross-source family: configuration items and flow records in, {@code cross.exposed_port_probed} out. Items are
 * keyed by resource and flows by interface, so it takes two steps: items re-keyed by security group through
 * {@code <application.id>-}{@value #BY_GROUP}{@code -repartition} (store {@value #GROUP_STORE}: per group, its rules
 * opened to the world and its interfaces), then the openings re-keyed by interface through
 * {@code <application.id>-}{@value #BY_INTERFACE}{@code -repartition}, with as many partitions as {@code flows.raw}, so
 * they meet the interface's flows in one task (store {@value #INTERFACE_STORE}).
 */
public final class CrossDetections {
    public static final String GROUP_STORE = "cross-security-groups";
    public static final String INTERFACE_STORE = "cross-exposed-interfaces";
    public static final String BY_GROUP = "cross-security-groups";
    public static final String BY_INTERFACE = "cross-exposed-interfaces";

    private CrossDetections() {}

    public static void addTo(StreamsBuilder builder, DetectionContext ctx) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GROUP_STORE), Serdes.String(), JsonSerde.of(GroupExposure.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INTERFACE_STORE), Serdes.String(),
                JsonSerde.of(InterfaceExposure.class)));
        KStream<String, ConfigChange> items = builder.stream(Topics.CONFIG_CHANGES.name(),
                Consumed.with(Topics.CONFIG_CHANGES.keySerde(), Topics.CONFIG_CHANGES.valueSerde(ctx.wire())).withName("cross-config-source"));
        KStream<String, Finding> fromOpenings = items.process(GroupSignalExtractor::new, Named.as("cross-group-signals"))
                .repartition(Repartitioned.<String, GroupSignal>as(BY_GROUP).withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(GroupSignal.class))
                        .withNumberOfPartitions(Topics.CONFIG_CHANGES.partitions()))
                .process(() -> new GroupExposureProcessor(GROUP_STORE), Named.as("cross-group-exposure"), GROUP_STORE)
                .repartition(Repartitioned.<String, ExposureNotice>as(BY_INTERFACE).withKeySerde(Serdes.String())
                        .withValueSerde(JsonSerde.of(ExposureNotice.class)).withNumberOfPartitions(Topics.FLOWS_RAW.partitions()))
                .process(() -> new NoticeProcessor(INTERFACE_STORE, ctx.clock()), Named.as("cross-exposure-notices"), INTERFACE_STORE);
        var internal = FlowConfig.from(ctx.config()).internalNetworks();
        KStream<String, Finding> fromFlows = builder.stream(Topics.FLOWS_RAW.name(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("cross-flow-source"))
                .process(() -> new InboundFlowProcessor(INTERFACE_STORE, ctx.wire(), internal, ctx.clock()), Named.as("cross-inbound-flows"), INTERFACE_STORE);
        ctx.sink(fromOpenings.merge(fromFlows, Named.as("cross-findings-merge")), "cross");
    }
}
