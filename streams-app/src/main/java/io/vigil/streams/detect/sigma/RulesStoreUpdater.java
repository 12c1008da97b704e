package io.vigil.streams.detect.sigma;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@code sigma-rules} store in step with the {@code rules} topic (key rule id, value
 * YAML, tombstone removes) and stamps a version (the record's partition and offset) under a key no rule
 * id can have, so the matching processors see a change with one lookup and rebuild their engine.
 */
final class RulesStoreUpdater implements Processor<String, String, Void, Void> {
    static final String VERSION_KEY = "\u0000version";

    private KeyValueStore<String, String> store;
    private ProcessorContext<Void, Void> context;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(SigmaDetections.RULES_STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null || record.key().equals(VERSION_KEY)) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        String version = context.recordMetadata().map(m -> m.partition() + ":" + m.offset()).orElse(record.key() + "@" + record.timestamp());
        store.put(VERSION_KEY, version);
    }
}
