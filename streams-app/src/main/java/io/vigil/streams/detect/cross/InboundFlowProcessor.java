package io.vigil.streams.detect.cross;

import io.vigil.schemas.Finding;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowRecordBytes;
import io.vigil.streams.baseline.InternalNetworks;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Thin processor of stage two for flows: only inbound flows from public addresses to one of the interface's own services
 * touch the store (get → judge, pure → put → forward); everything else is dropped after reading its fields from the bytes.
 */
final class InboundFlowProcessor implements Processor<byte[], byte[], String, Finding> {
    private final String storeName;
    private final WireFormat wire;
    private final Clock clock;
    private final FlowRecordBytes bytes = new FlowRecordBytes();
    private final FlowFacts facts;
    private ProcessorContext<String, Finding> context;
    private KeyValueStore<String, InterfaceExposure> store;

    /** Raw bytes in, as the flow family reads the same topic; {@code internal} are the networks besides the private ranges. */
    InboundFlowProcessor(String storeName, WireFormat wire, InternalNetworks internal, Clock clock) {
        this.storeName = storeName;
        this.wire = wire;
        this.facts = new FlowFacts(internal);
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        if (!bytes.fill(record.value(), facts)) {
            try {
                facts.fill(wire.decode(meta.topic(), record.value(), FlowRecord.class));
            } catch (RuntimeException e) {
                return; // the flow family dead-letters what it cannot read; this detection only looks at readable records
            }
        }
        if (!facts.derive(record.timestamp(), meta.topic(), meta.partition(), meta.offset()) || !facts.traffic() || facts.outbound()
                || !facts.peerPublic() || facts.client() || facts.interfaceId() == null) {
            return;
        }
        String eni = facts.interfaceId();
        InterfaceExposure.InboundFlow flow = new InterfaceExposure.InboundFlow(facts.time(), facts.protocol(), facts.servicePort(), facts.peerText(),
                facts.localText(), facts.action(), facts.packets(), facts.bytes(), facts.entity(), facts.entityType(), facts.account(),
                new Ref(meta.topic(), meta.partition(), meta.offset(), facts.recordId()));
        InterfaceExposure before = store.get(eni);
        ExposedPortDetector.Step step = ExposedPortDetector.onFlow(before, flow);
        if (step.state() != before) {
            store.put(eni, step.state());
        }
        for (ExposedPortDetector.Alert a : step.alerts()) {
            Finding f = Findings.of(a.detection(), a.eventTime(), clock.instant(), a.sources());
            context.forward(new Record<>(f.getEntity(), f, record.timestamp()));
        }
    }
}
