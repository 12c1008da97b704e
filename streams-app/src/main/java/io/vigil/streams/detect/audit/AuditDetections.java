package io.vigil.streams.detect.audit;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.detect.audit.burst.BurstDetections;
import io.vigil.streams.detect.audit.instance.InstanceCredentialDetections;
import io.vigil.streams.detect.audit.principal.PrincipalDetections;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** The audit-trail detection family: CloudTrail events in, findings out. */
public final class AuditDetections {
    private AuditDetections() {}

    public static void addTo(StreamsBuilder builder, DetectionContext ctx) {
        KStream<String, AuditEvent> events = builder.stream(Topics.AUDIT_EVENTS.name(),
                Consumed.with(Topics.AUDIT_EVENTS.keySerde(), Topics.AUDIT_EVENTS.valueSerde(ctx.wire())).withName("audit-events-source"));
        ctx.sink(events.process(() -> new SensitiveCallProcessor(ctx.clock()), Named.as("audit-sensitive-call")), "audit-sensitive-call");
        BurstDetections.addTo(builder, events, ctx);
        PrincipalDetections.addTo(builder, events, ctx);
        InstanceCredentialDetections.addTo(builder, events, ctx);
    }
}
