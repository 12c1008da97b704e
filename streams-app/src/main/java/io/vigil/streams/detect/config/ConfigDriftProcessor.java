package io.vigil.streams.detect.config;

import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Finding;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.finding.DetectorProcessor;
import io.vigil.streams.finding.Detection;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Thin processor: get the resource's baseline → score and update (pure) → put → forward findings. */
final class ConfigDriftProcessor extends DetectorProcessor<ConfigChange, ConfigBaseline> {

    ConfigDriftProcessor(String storeName, Clock clock) {
        super(storeName, clock);
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
