package io.vigil.streams.detect.audit.burst;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/** Thin processor: get the principal's window → update and score (pure) → put → forward findings. */
final class BurstProcessor implements Processor<String, AuditEvent, String, Finding> {
    private final String storeName;
    private final BurstThresholds thresholds;
    private final Clock clock;
    private ProcessorContext<String, Finding> context;
    private KeyValueStore<String, ActivityWindow> store;

    BurstProcessor(String storeName, BurstThresholds thresholds, Clock clock) {
        this.storeName = storeName;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, AuditEvent> record) {
        AuditEvent event = record.value();
        if (event == null || event.getPrincipalArn() == null) {
            return;
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        Activity activity = BurstDetector.activity(event, meta.topic(), meta.partition(), meta.offset());
        ActivityWindow window = BurstDetector.update(store.get(event.getPrincipalArn()), activity, thresholds);
        var bursts = BurstDetector.score(window, activity, event, thresholds);
        store.put(event.getPrincipalArn(), window);
        for (var burst : bursts) {
            Finding f = Findings.of(burst.detection(), event.getEventTime(), clock.instant(), burst.sources());
            context.forward(record.withKey(f.getEntity()).withValue(f));
        }
    }
}
