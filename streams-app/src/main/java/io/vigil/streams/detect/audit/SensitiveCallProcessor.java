package io.vigil.streams.detect.audit;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Thin processor around {@link SensitiveCallDetector}: score, then forward the finding keyed by entity. */
final class SensitiveCallProcessor implements Processor<String, AuditEvent, String, Finding> {
    private final Clock clock;
    private ProcessorContext<String, Finding> context;

    SensitiveCallProcessor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, AuditEvent> record) {
        AuditEvent event = record.value();
        if (event == null) {
            return;
        }
        SensitiveCallDetector.score(event).ifPresent(d -> {
            RecordMetadata meta = context.recordMetadata().orElseThrow();
            Finding f = Findings.of(d, event.getEventTime(), clock.instant(),
                    List.of(new SourceRef(meta.topic(), meta.partition(), meta.offset(), event.getEventId())));
            context.forward(record.withKey(f.getEntity()).withValue(f));
        });
    }
}
