package io.vigil.streams.detect.config.attribution;

import io.vigil.schemas.Finding;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Thin processor: get the resource's calls and pending findings → attribute (pure) → put → forward findings. */
final class AttributionProcessor implements Processor<String, AttributionSignal, String, Finding> {
    private final String storeName;
    private final DriftAttributor.Window window;
    private ProcessorContext<String, Finding> context;
    private KeyValueStore<String, ResourceChanges> store;

    AttributionProcessor(String storeName, DriftAttributor.Window window) {
        this.storeName = storeName;
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, AttributionSignal> record) {
        AttributionSignal signal = record.value();
        if (signal == null || record.key() == null) {
            return;
        }
        ResourceChanges before = store.get(record.key());
        DriftAttributor.Outcome outcome = signal.finding() != null ? DriftAttributor.onFinding(before, signal.finding(), window)
                : DriftAttributor.onCall(before, signal.call(), window);
        if (outcome.state() != before) {
            store.put(record.key(), outcome.state());
        }
        for (Finding f : outcome.findings()) {
            context.forward(new Record<>(f.getEntity(), f, f.getEventTime().toEpochMilli()));
        }
    }
}
