package io.vigil.streams.detect.config;

import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Finding;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.finding.Detection;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/** Thin processor: get the resource's baseline → score and update (pure) → put → forward findings. */
final class ConfigDriftProcessor implements Processor<String, ConfigChange, String, Finding> {
    private final String storeName;
    private final Clock clock;
    private ProcessorContext<String, Finding> context;
    private KeyValueStore<String, ConfigBaseline> store;

    ConfigDriftProcessor(String storeName, Clock clock) {
        this.storeName = storeName;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ConfigChange> record) {
        ConfigChange change = record.value();
        if (change == null) {
            return;
        }
        String key = change.getResourceType() + "/" + change.getResourceId();
        ConfigBaseline before = store.get(key);
        List<Detection> detections = ConfigDriftDetector.score(before, change);
        ConfigBaseline after = ConfigDriftDetector.update(before, change, detections);
        if (after != null) {
            store.put(key, after);
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        List<SourceRef> sources = List.of(new SourceRef(meta.topic(), meta.partition(), meta.offset(), change.getStateId()));
        for (Detection d : detections) {
            Finding f = Findings.of(d, change.getCaptureTime(), clock.instant(), sources);
            context.forward(record.withKey(f.getEntity()).withValue(f));
        }
    }
}
