package io.vigil.streams.detect.audit;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.detect.audit.burst.BurstDetections;
import io.vigil.streams.detect.audit.instance.InstanceCredentialDetections;
import io.vigil.streams.detect.audit.principal.PrincipalDetections;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/** The audit-trail detection family: CloudTrail events in, findings out. */
public final class AuditDetections {
    /** Per principal, the catalogue calls of the current windows and their counts ({@link SensitiveCallRepeats}). */
    public static final String SENSITIVE_CALL_STORE = "audit-sensitive-calls";

    private AuditDetections() {}

    public static void addTo(StreamsBuilder builder, DetectionContext ctx) {
        KStream<String, AuditEvent> events = builder.stream(Topics.AUDIT_EVENTS.name(),
                Consumed.with(Topics.AUDIT_EVENTS.keySerde(), Topics.AUDIT_EVENTS.valueSerde(ctx.wire())).withName("audit-events-source"));
        SensitiveCallSettings settings = SensitiveCallSettings.from(ctx.config());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SENSITIVE_CALL_STORE), Serdes.String(),
                SensitiveCallRepeatsSerde.serde()));
        ctx.sink(events.process(() -> new SensitiveCallProcessor(SENSITIVE_CALL_STORE, settings, ctx.clock()), Named.as("audit-sensitive-call"),
                SENSITIVE_CALL_STORE), "audit-sensitive-call");
        BurstDetections.addTo(builder, events, ctx);
        PrincipalDetections.addTo(builder, events, ctx);
        InstanceCredentialDetections.addTo(builder, events, ctx);
    }
}
