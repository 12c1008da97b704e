package io.vigil.streams.detect.audit.burst;

import io.vigil.schemas.AuditEvent;
import io.vigil.streams.app.DetectionContext;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds the burst rules to the audit family. The input is keyed by principal ARN (the collector keys
 * it so), so each principal's window lives on one partition without a repartition.
 */
public final class BurstDetections {
    public static final String STORE = "audit-activity-windows";

    private BurstDetections() {}

    public static void addTo(StreamsBuilder builder, KStream<String, AuditEvent> events, DetectionContext ctx) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), ActivityWindowSerde.serde()));
        ctx.sink(events.process(() -> new BurstProcessor(STORE, BurstThresholds.defaults(), ctx.clock()), Named.as("audit-bursts"), STORE), "audit-bursts");
    }
}
