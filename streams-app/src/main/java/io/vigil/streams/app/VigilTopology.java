package io.vigil.streams.app;

import io.vigil.schemas.wire.AvroTrust;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.detect.audit.AuditDetections;
import io.vigil.streams.detect.config.ConfigDetections;
import io.vigil.streams.detect.cross.CrossDetections;
import io.vigil.streams.detect.flow.FlowDetections;
import io.vigil.streams.detect.inventory.InventoryDetections;
import io.vigil.streams.detect.sigma.SigmaDetections;
import io.vigil.streams.inventory.InventoryTables;
import io.vigil.streams.siem.SiemMirror;
import io.vigil.streams.suppress.Suppressions;
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
        Suppressions.addTo(builder, ctx.wire());
        ctx = ctx.withSuppressions();
        AuditDetections.addTo(builder, ctx);
        ConfigDetections.addTo(builder, ctx);
        FlowDetections.addTo(builder, ctx);
        CrossDetections.addTo(builder, ctx);
        SigmaDetections.addTo(builder, ctx);
        // The only source of inventory.host: inventory detections attach to the stream it returns.
        InventoryDetections.addTo(builder, InventoryTables.addTo(builder, ctx), ctx);
        if (ctx.siemMirror()) {
            SiemMirror.addTo(builder, ctx.wire());
        }
        return builder.build();
    }

    /**
     * The input topics a topology reads: a batch run is done when its group has consumed these to their end, and then
     * the {@link #repartitionTopics repartition topics} to theirs. Topics the topology writes itself are not inputs.
     */
    public static Set<String> sourceTopics(Topology topology) {
        Set<String> topics = topics(topology, true);
        topics.removeAll(topics(topology, false));
        return topics;
    }

    /**
     * The topics the topology writes and reads back (its named repartition topics), as the topology names them; on the
     * broker each is {@code <application.id>-<name>}. They fill while the inputs are read, so a batch run waits for them
     * after the inputs.
     */
    public static Set<String> repartitionTopics(Topology topology) {
        Set<String> topics = topics(topology, true);
        topics.retainAll(topics(topology, false));
        return topics;
    }

    private static Set<String> topics(Topology topology, boolean sources) {
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (sources && node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                } else if (!sources && node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    topics.add(sink.topic());
                }
            }
        }
        return topics;
    }
}
