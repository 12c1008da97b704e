package io.vigil.streams.detect.cross;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Thin processor of stage one: get the group's exposure → apply the signal (pure) → put → forward notices keyed by interface. */
final class GroupExposureProcessor implements Processor<String, GroupSignal, String, ExposureNotice> {
    private final String storeName;
    private ProcessorContext<String, ExposureNotice> context;
    private KeyValueStore<String, GroupExposure> store;

    GroupExposureProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, ExposureNotice> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, GroupSignal> record) {
        GroupSignal g = record.value();
        if (g == null) {
            return;
        }
        GroupExposure before = store.get(g.groupId());
        GroupExposures.Step step = GroupExposures.apply(before, g);
        if (step.state() != before) {
            store.put(g.groupId(), step.state());
        }
        for (ExposureNotice n : step.notices()) {
            context.forward(record.withKey(n.interfaceId()).withValue(n));
        }
    }
}
