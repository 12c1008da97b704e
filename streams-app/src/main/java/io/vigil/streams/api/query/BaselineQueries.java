package io.vigil.streams.api.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Finds a baseline wherever it is among the streams instances: for a keyed store, Kafka Streams'
 * metadata names the partition and the instance that owns the key, which is asked (itself or through
 * its API); for flow profiles, every instance holding the store is asked in turn until one has it.
 * A forwarded request is answered from the receiver's own stores only, so requests never loop.
 */
public final class BaselineQueries {
    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalBaselines local;
    private final PeerClient peers;

    public BaselineQueries(KafkaStreams streams, HostInfo self, PeerClient peers) {
        this.streams = streams;
        this.self = self;
        this.local = new LocalBaselines(streams);
        this.peers = peers;
    }

    /** The entity's baseline; {@code localOnly} for requests forwarded by another instance. */
    public Answer get(BaselineKind kind, String key, boolean localOnly) {
        if (localOnly) {
            return local.read(kind, key);
        }
        if (streams.state() != KafkaStreams.State.RUNNING && streams.state() != KafkaStreams.State.REBALANCING) {
            return Answer.unavailable("the streams app is " + streams.state());
        }
        return kind.keyed(key) ? owner(kind, key) : everywhere(kind, key);
    }

    private Answer owner(BaselineKind kind, String key) {
        KeyQueryMetadata md;
        try {
            md = streams.queryMetadataForKey(kind.store(), key, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            return Answer.unavailable("the streams app is not running");
        }
        if (md == null || md == KeyQueryMetadata.NOT_AVAILABLE || md.activeHost() == null) {
            return Answer.unavailable("no instance owns the key's partition now (rebalancing)");
        }
        return md.activeHost().equals(self) ? local.read(kind, key, md.partition()) : peers.localAt(md.activeHost(), kind, key);
    }

    private Answer everywhere(BaselineKind kind, String key) {
        boolean unavailable = false;
        String reason = "";
        List<HostInfo> hosts = new ArrayList<>(List.of(self));
        for (StreamsMetadata m : streams.streamsMetadataForStore(kind.store())) {
            if (!m.hostInfo().equals(self)) {
                hosts.add(m.hostInfo());
            }
        }
        for (HostInfo host : hosts) {
            Answer a = host.equals(self) ? local.read(kind, key) : peers.localAt(host, kind, key);
            if (a.found()) {
                return a;
            }
            if (a.status() == Answer.Status.UNAVAILABLE) {
                unavailable = true;
                reason = a.reason();
            }
        }
        // Not found anywhere reachable; if some instance could not answer, the entity may be there.
        return unavailable ? Answer.unavailable(reason) : Answer.notFound();
    }
}
