package io.vigil.streams.app;

import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.detect.audit.AuditDetections;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/** The whole detection topology: every detection family added to one builder. */
public final class VigilTopology {
    private VigilTopology() {}

    public static Topology build(WireFormat wire, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        AuditDetections.addTo(builder, wire, clock);
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
