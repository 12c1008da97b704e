package io.vigil.streams.detect.audit.burst;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.streams.finding.DetectorProcessor;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Thin processor: get the principal's window → update and score (pure) → put → forward findings. */
final class BurstProcessor extends DetectorProcessor<AuditEvent, ActivityWindow> {
    private final BurstThresholds thresholds;
    private final List<AttackSequence> chains;

    BurstProcessor(String storeName, BurstThresholds thresholds, List<AttackSequence> chains, Clock clock) {
        super(storeName, clock);
        this.thresholds = thresholds;
        this.chains = chains;
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
        var bursts = BurstDetector.score(window, activity, event, thresholds, chains);
        store.put(event.getPrincipalArn(), window);
        for (var burst : bursts) {
            Finding f = Findings.of(burst.detection(), event.getEventTime(), clock.instant(), burst.sources());
            context.forward(record.withKey(f.getEntity()).withValue(f));
        }
    }
}
