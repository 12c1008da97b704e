package io.vigil.streams.detect.audit;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.finding.Detection;
import io.vigil.streams.finding.DetectorProcessor;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Thin processor around {@link SensitiveCallDetector}: score → get the principal's repeats → count (pure) → put →
 * forward the window's finding (same id each time, with the count so far), keyed by entity.
 */
final class SensitiveCallProcessor extends DetectorProcessor<AuditEvent, SensitiveCallRepeats> {
    private final SensitiveCallSettings settings;

    SensitiveCallProcessor(String storeName, SensitiveCallSettings settings, Clock clock) {
        super(storeName, clock);
        this.settings = settings;
    }

    @Override
    public void process(Record<String, AuditEvent> record) {
        AuditEvent event = record.value();
        if (event == null) {
            return;
        }
        Optional<Detection> scored = SensitiveCallDetector.score(event);
        if (scored.isEmpty()) {
            return;
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        String principal = scored.get().entity();
        String key = SensitiveCallDetector.repeatKey(scored.get());
        SensitiveCallRepeats before = Optional.ofNullable(store.get(principal)).orElseGet(SensitiveCallRepeats::empty);
        SensitiveCallRepeats after = before.add(key, event.getEventTime().toEpochMilli(),
                new SensitiveCallRepeats.Cited(meta.topic(), meta.partition(), meta.offset(), event.getEventId()), event.getSourceIp(),
                settings.windowMillis());
        store.put(principal, after);
        SensitiveCallRepeats.Repeat r = after.open().get(key);
        if (r == before.open().get(key)) {
            return; // a duplicate of a record already counted: nothing new to say
        }
        Detection d = SensitiveCallDetector.repeated(scored.get(), r);
        Finding f = Findings.of(d, Instant.ofEpochMilli(r.firstTime()), clock.instant(),
                r.cited().stream().map(c -> new SourceRef(c.topic(), c.partition(), c.offset(), c.eventId())).toList());
        context.forward(record.withKey(f.getEntity()).withValue(f));
    }
}
