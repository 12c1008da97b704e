package io.vigil.streams.detect.audit.instance;

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

/** Thin processor: get the role's addresses → score, then update (pure) → put → forward findings. */
final class InstanceCredentialProcessor extends DetectorProcessor<AuditEvent, RoleAddresses> {
    private final InstanceCredentialSettings settings;

    InstanceCredentialProcessor(String storeName, InstanceCredentialSettings settings, Clock clock) {
        super(storeName, clock);
        this.settings = settings;
    }

    @Override
    public void process(Record<String, AuditEvent> record) {
        AuditEvent event = record.value();
        if (event == null || event.getPrincipalArn() == null || !"AssumedRole".equals(event.getPrincipalType())) {
            return;
        }
        RoleAddresses before = store.get(event.getPrincipalArn());
        List<Detection> detections = InstanceCredentialDetector.score(before, event, settings);
        RoleAddresses after = InstanceCredentialDetector.update(before, event, settings, detections);
        if (after != null && after != before) {
            store.put(event.getPrincipalArn(), after);
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        List<SourceRef> sources = List.of(new SourceRef(meta.topic(), meta.partition(), meta.offset(), event.getEventId()));
        for (Detection d : detections) {
            Finding f = Findings.of(d, event.getEventTime(), clock.instant(), sources);
            context.forward(record.withKey(f.getEntity()).withValue(f));
        }
    }
}
