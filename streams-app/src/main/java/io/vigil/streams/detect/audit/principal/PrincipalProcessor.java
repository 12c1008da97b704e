package io.vigil.streams.detect.audit.principal;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.finding.DetectorProcessor;
import io.vigil.streams.finding.Detection;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Thin processor: get the principal's profile → score, then learn (pure) → put → forward findings. */
final class PrincipalProcessor extends DetectorProcessor<AuditEvent, PrincipalProfile> {
    private final PrincipalDetector.Learning learning;

    PrincipalProcessor(String storeName, PrincipalDetector.Learning learning, Clock clock) {
        super(storeName, clock);
        this.learning = learning;
    }

    @Override
    public void process(Record<String, AuditEvent> record) {
        AuditEvent event = record.value();
        if (event == null || event.getPrincipalArn() == null) {
            return;
        }
        PrincipalProfile before = store.get(event.getPrincipalArn());
        List<Detection> detections = PrincipalDetector.score(before, event, learning);
        store.put(event.getPrincipalArn(), PrincipalDetector.update(before, event, learning));
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        List<SourceRef> sources = List.of(new SourceRef(meta.topic(), meta.partition(), meta.offset(), event.getEventId()));
        for (Detection d : detections) {
            Finding f = Findings.of(d, event.getEventTime(), clock.instant(), sources);
            context.forward(record.withKey(f.getEntity()).withValue(f));
        }
    }
}
