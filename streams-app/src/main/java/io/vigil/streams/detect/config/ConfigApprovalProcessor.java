package io.vigil.streams.detect.config;

import io.vigil.schemas.BaselineApproval;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Thin processor: an approval from {@code baseline.approved} becomes the resource's baseline (pure
 * {@link ConfigDriftDetector#approve}); a tombstone withdraws it, and the next configuration seen is learned.
 * Same key and partition count as {@code config.changes}, so the approval lands in the task that judges the resource.
 */
final class ConfigApprovalProcessor implements Processor<String, BaselineApproval, Void, Void> {
    private final String storeName;
    private KeyValueStore<String, ConfigBaseline> store;

    ConfigApprovalProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, BaselineApproval> record) {
        BaselineApproval a = record.value();
        if (a == null) {
            if (record.key() != null) {
                store.delete(record.key());
            }
            return;
        }
        store.put(a.getResourceType() + "/" + a.getResourceId(), ConfigDriftDetector.approve(a));
    }
}
