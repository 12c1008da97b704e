package io.vigil.streams.api.query;

import io.vigil.streams.baseline.FlowProfileCodec;
import io.vigil.streams.baseline.FlowProfileView;
import io.vigil.streams.detect.audit.principal.PrincipalDetections;
import io.vigil.streams.detect.config.ConfigDetections;
import io.vigil.streams.detect.flow.FlowDetections;
import io.vigil.streams.inventory.InventoryTables;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The queryable baselines: their name in the API and in {@code baseline.snapshots} keys, their state
 * store, how to find the instance holding an entity, and how to read one from a store.
 *
 * <p>Keyed stores hold each entity on the partition of its input key, so Kafka Streams' metadata names
 * the owning instance. Flow profiles are not keyed that way (records are keyed by interface, profiles by
 * instance or address), so every instance holding the store is asked.
 */
public enum BaselineKind {
    FLOWS("flows", "/baselines/flows/", FlowDetections.STORE) {
        @Override
        Optional<Map<String, Object>> read(ReadOnlyKeyValueStore<String, Object> store, String entity) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            ReadOnlyKeyValueStore<String, byte[]> bytes = (ReadOnlyKeyValueStore) store;
            return FlowProfileView.read(bytes, entity);
        }

        @Override
        boolean keyed(String entity) {
            return false;
        }

        @Override
        String entityOf(String storeKey) {
            return FlowProfileCodec.entityOf(storeKey);
        }
    },
    PRINCIPALS("principals", "/baselines/principals/", PrincipalDetections.STORE),
    /** Keyed by {@code <resource type>/<resource id>}; a bare resource id is looked for on every instance. */
    CONFIG("config", "/baselines/config/", ConfigDetections.STORE) {
        @Override
        Optional<Map<String, Object>> read(ReadOnlyKeyValueStore<String, Object> store, String key) {
            if (keyed(key)) {
                return super.read(store, key);
            }
            try (KeyValueIterator<String, Object> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, Object> kv = all.next();
                    if (kv.key.endsWith("/" + key)) {
                        return super.read(store, kv.key);
                    }
                }
            }
            return Optional.empty();
        }

        @Override
        boolean keyed(String key) {
            return key.contains("::") && key.contains("/");
        }
    },
    HOSTS("hosts", "/inventory/hosts/", InventoryTables.STORE);

    private final String name;
    private final String path;
    private final String store;

    BaselineKind(String name, String path, String store) {
        this.name = name;
        this.path = path;
        this.store = store;
    }

    /** Short name: the API path's kind and the prefix of {@code baseline.snapshots} keys. */
    public String kindName() {
        return name;
    }

    /** The API path prefix; the entity follows it. */
    public String path() {
        return path;
    }

    public String store() {
        return store;
    }

    public static Optional<BaselineKind> named(String name) {
        for (BaselineKind k : values()) {
            if (k.name.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The entity's baseline in a (local) store, as JSON-able maps. */
    Optional<Map<String, Object>> read(ReadOnlyKeyValueStore<String, Object> store, String key) {
        Object value = store.get(key);
        return value == null ? Optional.empty() : Optional.of(StoreValues.of(value));
    }

    /** Whether the key is the store's own key, so the partition (and instance) holding it can be computed. */
    boolean keyed(String key) {
        return true;
    }

    /** The entity a store key belongs to, or null for a key that is part of another entry (flow profile parts). */
    String entityOf(String storeKey) {
        return storeKey;
    }
}
