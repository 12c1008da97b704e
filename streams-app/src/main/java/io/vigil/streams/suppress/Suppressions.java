package io.vigil.streams.suppress;

import io.vigil.schemas.Suppression;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The compacted {@code suppressions} topic as a global store: every instance holds every suppression (there are few), so any
 * task can check a finding before it is written. A tombstone lifts a suppression. The topic is the store's changelog, so
 * nothing else is logged, and a restarted instance reads it whole again.
 */
public final class Suppressions {
    public static final String STORE = "suppressions";

    private Suppressions() {}

    public static void addTo(StreamsBuilder builder, WireFormat wire) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Topics.SUPPRESSIONS.valueSerde(wire)).withLoggingDisabled(),
                Topics.SUPPRESSIONS.name(),
                Consumed.with(Topics.SUPPRESSIONS.keySerde(), Topics.SUPPRESSIONS.valueSerde(wire)).withName("suppressions-source"),
                () -> new Processor<String, Suppression, Void, Void>() {
                    private KeyValueStore<String, Suppression> store;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        store = context.getStateStore(STORE);
                    }

                    @Override
                    public void process(Record<String, Suppression> r) {
                        if (r.key() == null) {
                            return;
                        }
                        if (r.value() == null) {
                            store.delete(r.key());
                        } else {
                            store.put(r.key(), r.value());
                        }
                    }
                });
    }
}
