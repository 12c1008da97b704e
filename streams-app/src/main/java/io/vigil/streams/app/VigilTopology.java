package io.vigil.streams.app;

import io.vigil.schemas.wire.AvroTrust;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.detect.audit.AuditDetections;
import io.vigil.streams.detect.config.ConfigDetections;
import io.vigil.streams.detect.flow.FlowDetections;
import io.vigil.streams.detect.sigma.SigmaDetections;
import io.vigil.streams.siem.SiemMirror;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/** The whole detection topology: every detection family added to one builder. */
public final class VigilTopology {
    private VigilTopology() {}

    /** The live topology: every family, findings to {@code findings}, mirrored for SIEMs. */
    public static Topology build(WireFormat wire, Clock clock) {
        return build(DetectionContext.live(wire, clock));
    }

    /** The same families for any context: live, or a hunt over history into its own topic. */
    public static Topology build(DetectionContext ctx) {
        AvroTrust.ensure();
        StreamsBuilder builder = new StreamsBuilder();
        AuditDetections.addTo(builder, ctx);
        ConfigDetections.addTo(builder, ctx);
        FlowDetections.addTo(builder, ctx);
        SigmaDetections.addTo(builder, ctx);
        if (ctx.siemMirror()) {
            SiemMirror.addTo(builder, ctx.wire());
        }
        return builder.build();
    }

    /** The input topics a topology reads: a batch run is done when its group has consumed these to their end. */
    public static Set<String> sourceTopics(Topology topology) {
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                }
            }
        }
        return topics;
    }
}
