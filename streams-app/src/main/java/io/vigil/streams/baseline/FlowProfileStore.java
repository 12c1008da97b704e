package io.vigil.streams.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The flow profiles of one task: a changelogged RocksDB key-value store with a bounded write-behind
 * cache of live {@link FlowProfile} objects in front of it.
 *
 * <p>Why: (de)serialising a profile on every record costs more than everything else the topology does.
 * Here a record only touches the live object; changed parts are encoded and written, in one batch,
 * when Kafka Streams flushes caches before each commit ({@link #flushCache}, the hook its own caching
 * stores use), so every committed offset has its state in the store and changelog (crash-safe under
 * exactly-once). A profile pushed out of the full cache is written at once.
 *
 * <p>Interactive queries see the flushed parts ({@link ReadOnlyKeyValueStore} over the keys of
 * {@link FlowProfileCodec}; {@link FlowProfileView} turns them into a profile), never the live objects,
 * which only the stream thread touches.
 */
public final class FlowProfileStore implements StateStore, CachedStateStore<String, byte[]>, ReadOnlyKeyValueStore<String, byte[]> {
    private final KeyValueStore<String, byte[]> inner;
    private final int knownPeerServices;
    private final FlowProfileCodec codec = new FlowProfileCodec();
    private final Map<String, FlowProfile> cache;
    private final List<FlowProfile> pending = new ArrayList<>();
    private final List<KeyValue<String, byte[]>> batch = new ArrayList<>();

    FlowProfileStore(KeyValueStore<String, byte[]> inner, int cachedProfiles, int knownPeerServices) {
        this.inner = inner;
        this.knownPeerServices = knownPeerServices;
        this.cache = new LinkedHashMap<>(Math.min(cachedProfiles, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FlowProfile> eldest) {
                if (size() <= cachedProfiles) {
                    return false;
                }
                writeBack(eldest.getValue());
                return true;
            }
        };
    }

    /** The live profile of an entity: cached, else read from the store, else new. Stream thread only. */
    public FlowProfile profile(String entity) {
        FlowProfile p = cache.get(entity);
        if (p == null) {
            try (KeyValueIterator<String, byte[]> hours = inner.range(FlowProfileCodec.hourKey(entity, 0),
                    FlowProfileCodec.hourKey(entity, HourlyVolume.SLOTS - 1))) {
                p = FlowProfileCodec.decode(entity, knownPeerServices, inner::get, hours);
            }
            cache.put(entity, p);
        }
        return p;
    }

    /** Schedules a changed profile's dirty parts for the next flush. */
    public void changed(FlowProfile p) {
        if (!p.queued && p.dirty != 0) {
            p.queued = true;
            pending.add(p);
        }
    }

    @Override
    public void flushCache() {
        for (FlowProfile p : pending) {
            p.queued = false;
            codec.encodeDirty(p, batch);
        }
        pending.clear();
        if (!batch.isEmpty()) {
            inner.putAll(batch);
            batch.clear();
        }
    }

    private void writeBack(FlowProfile p) {
        codec.encodeDirty(p, batch);
        if (!batch.isEmpty()) {
            inner.putAll(batch);
            batch.clear();
        }
    }

    /** Drops live state that was never flushed: Kafka Streams calls this when it discards uncommitted work. */
    @Override
    public void clearCache() {
        cache.clear();
        pending.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, byte[]> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        clearCache();
        inner.init(context, root);
    }

    @Override
    public void close() {
        clearCache();
        inner.close();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    /** Deprecated in Kafka Streams, still asked by its state manager: answered as the wrapped store answers. */
    @Override
    @SuppressWarnings("deprecation")
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    @Override
    public long approximateNumUncommittedBytes() {
        return inner.approximateNumUncommittedBytes();
    }

    @Override
    public byte[] get(String key) {
        return inner.get(key);
    }

    @Override
    public KeyValueIterator<String, byte[]> range(String from, String to) {
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
        return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> all() {
        return inner.all();
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseAll() {
        return inner.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }
}
