package io.vigil.streams.app;

import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.detect.audit.AuditDetections;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** The whole detection topology: every detection family added to one builder. */
public final class VigilTopology {
    private VigilTopology() {}

    public static Topology build(WireFormat wire, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        AuditDetections.addTo(builder, wire, clock);
        return builder.build();
    }
}
