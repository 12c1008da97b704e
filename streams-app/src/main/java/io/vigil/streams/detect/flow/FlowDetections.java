package io.vigil.streams.detect.flow;

import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.baseline.FlowProfileStoreBuilder;
import java.time.Clock;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The network-flow detection family: flow records in, one flow profile per entity in a changelogged
 * RocksDB store ({@value #STORE}, shared by every flow detector), findings out. No repartition: records
 * arrive keyed by interface and an entity is judged where its interface's records are, so an instance
 * whose interfaces land on different partitions has one profile per partition (acceptable: most have one).
 */
public final class FlowDetections {
    /** The flow profile store; interactive queries read it by this name (see {@code FlowProfileView}). */
    public static final String STORE = "flow-profiles";

    private FlowDetections() {}

    public static void addTo(StreamsBuilder builder, WireFormat wire, Clock clock) {
        addTo(builder, wire, clock, FlowConfig.defaults());
    }

    public static void addTo(StreamsBuilder builder, WireFormat wire, Clock clock, FlowConfig config) {
        addTo(builder, wire, clock, config, findings -> findings.to(config.findingsTopic(),
                Produced.with(Topics.FINDINGS.keySerde(), Topics.FINDINGS.valueSerde(wire)).withName("flow-findings")));
    }

    /** In a topology built for a {@link DetectionContext}: its findings go where, and as far as, the context says. */
    public static void addTo(StreamsBuilder builder, DetectionContext ctx) {
        addTo(builder, ctx.wire(), ctx.clock(), FlowConfig.from(ctx.config()), findings -> ctx.sink(findings, "flow"));
    }

    private static void addTo(StreamsBuilder builder, WireFormat wire, Clock clock, FlowConfig config, Consumer<KStream<String, Finding>> sink) {
        builder.addStateStore(new FlowProfileStoreBuilder(STORE, config.cachedProfiles(), config.profile().knownPeerServices()));
        // Raw bytes in: the processor reads only the fields it needs (see FlowRecordBytes), and never the key.
        sink.accept(builder.stream(config.sourceTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("flow-records-source"))
                .process(() -> new FlowProfileProcessor(config, wire, clock, STORE), Named.as("flow-detect"), STORE));
    }
}
