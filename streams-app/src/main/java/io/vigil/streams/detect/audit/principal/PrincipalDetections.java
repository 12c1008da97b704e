package io.vigil.streams.detect.audit.principal;

import io.vigil.schemas.AuditEvent;
import io.vigil.streams.app.DetectionContext;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/** Adds the principal baselines ({@code principal-profiles}, per principal ARN, the input's key) to the audit family. */
public final class PrincipalDetections {
    public static final String STORE = "principal-profiles";

    private PrincipalDetections() {}

    public static void addTo(StreamsBuilder builder, KStream<String, AuditEvent> events, DetectionContext ctx) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), PrincipalProfileSerde.serde()));
        ctx.sink(events.process(() -> new PrincipalProcessor(STORE, PrincipalDetector.Learning.defaults(), ctx.clock()), Named.as("audit-principal-baseline"),
                STORE), "audit-principal-baseline");
    }
}
