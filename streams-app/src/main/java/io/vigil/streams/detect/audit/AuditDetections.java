package io.vigil.streams.detect.audit;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.detect.audit.burst.BurstDetections;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** The audit-trail detection family: CloudTrail events in, findings out. */
public final class AuditDetections {
    private AuditDetections() {}

    public static void addTo(StreamsBuilder builder, WireFormat wire, Clock clock) {
        KStream<String, AuditEvent> events = builder.stream(Topics.AUDIT_EVENTS.name(),
                Consumed.with(Topics.AUDIT_EVENTS.keySerde(), Topics.AUDIT_EVENTS.valueSerde(wire)).withName("audit-events-source"));
        events.process(() -> new SensitiveCallProcessor(clock), Named.as("audit-sensitive-call"))
                .to(Topics.FINDINGS.name(), Produced.with(Topics.FINDINGS.keySerde(), Topics.FINDINGS.valueSerde(wire))
                        .withName("audit-sensitive-call-findings"));
        BurstDetections.addTo(builder, events, wire, clock);
    }
}
