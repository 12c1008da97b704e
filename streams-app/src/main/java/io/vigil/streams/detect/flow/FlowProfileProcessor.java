package io.vigil.streams.detect.flow;

import io.vigil.schemas.Finding;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.CommitWhenIdle;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.FlowProfileStore;
import io.vigil.streams.baseline.FlowRecordBytes;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Thin processor around {@link FlowJudge}: read the record's facts (straight from its bytes when they
 * are the current schema, else by decoding it), get the entity's live profile, judge (which updates
 * it), mark it changed, forward each finding keyed by entity at the event time of the record behind it.
 * Undecodable records throw, so the processing-exception handler dead-letters them. The clock only
 * stamps {@code detected_at}.
 */
final class FlowProfileProcessor implements Processor<byte[], byte[], String, Finding> {
    private final FlowConfig config;
    private final WireFormat wire;
    private final Clock clock;
    private final String storeName;
    private final FlowRecordBytes bytes = new FlowRecordBytes();
    /** How long a task's input must pause before its findings are committed ahead of the commit interval. */
    private static final Duration IDLE = Duration.ofMillis(100);
    private ProcessorContext<String, Finding> context;
    private CommitWhenIdle commits;
    private FlowProfileStore store;
    private FlowFacts facts;
    private FlowJudge judge;

    FlowProfileProcessor(FlowConfig config, WireFormat wire, Clock clock, String storeName) {
        this.config = config;
        this.wire = wire;
        this.clock = clock;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        this.commits = CommitWhenIdle.schedule(context, IDLE);
        this.store = context.getStateStore(storeName);
        this.facts = new FlowFacts(config.internalNetworks());
        this.judge = new FlowJudge(config);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        commits.processed();
        byte[] value = record.value();
        if (value == null) {
            return;
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        if (!read(value, meta.topic())) {
            return;
        }
        if (!facts.derive(record.timestamp(), meta.topic(), meta.partition(), meta.offset())) {
            return;
        }
        FlowProfile profile = store.profile(facts.entity());
        List<FlowAlert> alerts = judge.judge(profile, facts);
        store.changed(profile);
        // Indexed, not for-each: an iterator over the (usually empty) list would be one allocation per record.
        for (int i = 0; i < alerts.size(); i++) {
            FlowAlert alert = alerts.get(i);
            Finding f = Findings.of(alert.detection(), alert.eventTime(), clock.instant(), alert.sources());
            context.forward(new Record<>(f.getEntity(), f, alert.eventTime().toEpochMilli(), record.headers()));
        }
    }

    private boolean read(byte[] value, String topic) {
        try {
            if (bytes.fill(value, facts)) {
                return true;
            }
        } catch (RuntimeException e) {
            throw new SerializationException("corrupt FlowRecord on " + topic + ": " + e, e);
        }
        facts.fill(wire.decode(topic, value, FlowRecord.class));
        return true;
    }
}
