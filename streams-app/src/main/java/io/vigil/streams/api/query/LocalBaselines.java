package io.vigil.streams.api.query;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The baselines this instance holds: interactive queries over its active tasks' stores (committed
 * state only; standbys are not read, so an answer is never older than the owner's last commit).
 */
public final class LocalBaselines {
    private final KafkaStreams streams;

    public LocalBaselines(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The entity's baseline if one of this instance's active tasks holds it. */
    public Answer read(BaselineKind kind, String key) {
        try {
            return kind.read(store(kind), key).map(Answer::found).orElseGet(Answer::notFound);
        } catch (InvalidStateStoreException e) {
            return Answer.unavailable("the " + kind.store() + " store is not queryable here now (rebalancing or restoring)");
        }
    }

    /** The store over every local active partition; throws InvalidStateStoreException while it is not queryable. */
    public ReadOnlyKeyValueStore<String, Object> store(BaselineKind kind) {
        return streams.store(StoreQueryParameters.fromNameAndType(kind.store(), QueryableStoreTypes.<String, Object>keyValueStore()));
    }

    /** Only the given partition of the store: a keyed lookup asks the partition its key maps to. */
    Answer read(BaselineKind kind, String key, int partition) {
        try {
            ReadOnlyKeyValueStore<String, Object> store = streams.store(StoreQueryParameters
                    .fromNameAndType(kind.store(), QueryableStoreTypes.<String, Object>keyValueStore()).withPartition(partition));
            Optional<Map<String, Object>> found = kind.read(store, key);
            return found.map(Answer::found).orElseGet(Answer::notFound);
        } catch (InvalidStateStoreException e) {
            return Answer.unavailable("partition " + partition + " of " + kind.store() + " is not queryable here now (rebalancing or restoring)");
        }
    }
}
