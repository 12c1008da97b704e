package io.vigil.streams.detect.cross;

import io.vigil.schemas.ConfigChange;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Re-keys configuration items by security group: a group's open rules, and one signal per (group, interface) an item states. */
final class GroupSignalExtractor implements Processor<String, ConfigChange, String, GroupSignal> {
    private ProcessorContext<String, GroupSignal> context;

    @Override
    public void init(ProcessorContext<String, GroupSignal> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ConfigChange> record) {
        ConfigChange c = record.value();
        if (c == null || c.getOversized()) {
            return;
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        Ref item = new Ref(meta.topic(), meta.partition(), meta.offset(), c.getStateId());
        long time = c.getCaptureTime().toEpochMilli();
        if (ConfigFacts.SECURITY_GROUP.equals(c.getResourceType())) {
            boolean deleted = ConfigFacts.deleted(c);
            if (deleted || c.getConfiguration() != null) {
                GroupSignal g = new GroupSignal(c.getResourceId(), deleted ? java.util.List.of() : ConfigFacts.openToWorld(c), deleted, null, time, item);
                context.forward(record.withKey(c.getResourceId()).withValue(g));
            }
            return;
        }
        for (ConfigFacts.Member m : ConfigFacts.members(c)) {
            context.forward(record.withKey(m.groupId()).withValue(new GroupSignal(m.groupId(), java.util.List.of(), false, m, time, item)));
        }
    }
}
