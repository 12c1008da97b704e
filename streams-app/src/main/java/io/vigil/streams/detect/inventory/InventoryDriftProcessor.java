package io.vigil.streams.detect.inventory;

import io.vigil.schemas.Finding;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.finding.DetectorProcessor;
import io.vigil.streams.finding.Detection;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Thin processor: get the host's baseline → score, then update (pure) → put → forward findings. The row
 * arrives through the repartition topic; its source is the original {@code inventory.host} record, from the
 * headers {@link HostKeyer} set, with the osquery log position as record id.
 */
final class InventoryDriftProcessor extends DetectorProcessor<HostInventory, HostSoftware> {
    private final InventorySettings settings;

    InventoryDriftProcessor(String storeName, InventorySettings settings, Clock clock) {
        super(storeName, clock);
        this.settings = settings;
    }

    @Override
    public void process(Record<String, HostInventory> record) {
        HostInventory row = record.value();
        if (row == null || row.getHostIdentifier() == null) {
            return;
        }
        HostSoftware before = store.get(row.getHostIdentifier());
        List<Detection> detections = InventoryDriftDetector.score(before, row, settings);
        store.put(row.getHostIdentifier(), InventoryDriftDetector.update(before, row, settings, detections));
        if (detections.isEmpty()) {
            return;
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        String topic = HostKeyer.header(record.headers(), HostKeyer.TOPIC);
        String partition = HostKeyer.header(record.headers(), HostKeyer.PARTITION);
        String offset = HostKeyer.header(record.headers(), HostKeyer.OFFSET);
        String origin = row.getOrigin().getSource() + " " + row.getOrigin().getPosition();
        SourceRef source = topic != null && partition != null && offset != null
                ? new SourceRef(topic, Integer.parseInt(partition), Long.parseLong(offset), origin)
                : new SourceRef(meta.topic(), meta.partition(), meta.offset(), origin);
        List<SourceRef> sources = List.of(source);
        for (Detection d : detections) {
            Finding f = Findings.of(d, row.getEventTime(), clock.instant(), sources);
            context.forward(record.withKey(f.getEntity()).withValue(f));
        }
    }
}
