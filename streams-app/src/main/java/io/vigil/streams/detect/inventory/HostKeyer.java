package io.vigil.streams.detect.inventory;

import io.vigil.schemas.HostInventory;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Re-keys an inventory row by host for the repartition and records where it was read ({@code inventory.host},
 * partition, offset) in headers, which cross the repartition topic, so a finding cites the original record.
 */
final class HostKeyer implements Processor<String, HostInventory, String, HostInventory> {
    static final String TOPIC = "vigil.source.topic";
    static final String PARTITION = "vigil.source.partition";
    static final String OFFSET = "vigil.source.offset";
    private ProcessorContext<String, HostInventory> context;

    @Override
    public void init(ProcessorContext<String, HostInventory> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, HostInventory> record) {
        HostInventory row = record.value();
        if (row == null || row.getHostIdentifier() == null) {
            return;
        }
        Record<String, HostInventory> out = record.withKey(row.getHostIdentifier());
        Optional<RecordMetadata> meta = context.recordMetadata();
        if (meta.isPresent()) {
            Headers h = out.headers();
            h.remove(TOPIC).remove(PARTITION).remove(OFFSET);
            h.add(TOPIC, meta.get().topic().getBytes(StandardCharsets.UTF_8));
            h.add(PARTITION, String.valueOf(meta.get().partition()).getBytes(StandardCharsets.UTF_8));
            h.add(OFFSET, String.valueOf(meta.get().offset()).getBytes(StandardCharsets.UTF_8));
        }
        context.forward(out);
    }

    /** The header's text, or null. */
    static String header(Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
