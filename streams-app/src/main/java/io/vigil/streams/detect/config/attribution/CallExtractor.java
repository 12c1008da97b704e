package io.vigil.streams.detect.config.attribution;

import io.vigil.schemas.AuditEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Re-keys change calls by resource: one signal per resource id the call names (pure {@link ChangeCall#of}), for the repartition. */
final class CallExtractor implements Processor<String, AuditEvent, String, AttributionSignal> {
    private ProcessorContext<String, AttributionSignal> context;

    @Override
    public void init(ProcessorContext<String, AttributionSignal> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, AuditEvent> record) {
        if (record.value() == null) {
            return;
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        ChangeCall.of(record.value(), meta.topic(), meta.partition(), meta.offset()).ifPresent(call -> {
            AttributionSignal signal = AttributionSignal.of(call);
            for (String resource : call.resources()) {
                context.forward(record.withKey(resource).withValue(signal));
            }
        });
    }
}
