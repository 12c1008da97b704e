package io.vigil.streams.baseline;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a {@link FlowProfileStore} over a persistent (RocksDB), changelogged key-value store of the
 * given name. Kafka Streams' record cache stays off: the store is its own write-behind cache.
 */
public final class FlowProfileStoreBuilder implements StoreBuilder<FlowProfileStore> {
    private final StoreBuilder<KeyValueStore<String, byte[]>> inner;
    private final int cachedProfiles;
    private final int knownPeerServices;

    public FlowProfileStoreBuilder(String name, int cachedProfiles, int knownPeerServices) {
        if (cachedProfiles < 1) {
            throw new IllegalArgumentException("cachedProfiles must be >= 1");
        }
        this.inner = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                .withCachingDisabled()
                .withLoggingEnabled(Map.of());
        this.cachedProfiles = cachedProfiles;
        this.knownPeerServices = knownPeerServices;
    }

    @Override
    public StoreBuilder<FlowProfileStore> withCachingEnabled() {
        throw new UnsupportedOperationException("a flow profile store is its own write-behind cache");
    }

    @Override
    public StoreBuilder<FlowProfileStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<FlowProfileStore> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<FlowProfileStore> withLoggingDisabled() {
        inner.withLoggingDisabled();
        return this;
    }

    @Override
    public FlowProfileStore build() {
        return new FlowProfileStore(inner.build(), cachedProfiles, knownPeerServices);
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
