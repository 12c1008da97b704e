package io.vigil.streams.detect.config.attribution;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Attribution of the configuration family's findings ({@link DriftAttributor}). Audit events are keyed by
 * principal and configuration items by resource type/id, so both sides are re-keyed by resource id through
 * one named repartition topic, {@code <application.id>-}{@value #REPARTITION}{@code -repartition} (as many
 * partitions as {@code config.changes}); per resource id the store {@value #STORE} keeps the recent change
 * calls and the findings still without a caller.
 */
public final class DriftAttribution {
    public static final String STORE = "config-attribution";
    public static final String REPARTITION = "config-attribution";

    private DriftAttribution() {}

    /** The findings, attributed: to be written where the family's findings go. */
    public static KStream<String, Finding> addTo(StreamsBuilder builder, KStream<String, Finding> findings, DetectionContext ctx) {
        DriftAttributor.Window window = AttributionSettings.window(ctx.config());
        Serde<Finding> findingSerde = Topics.FINDINGS.valueSerde(ctx.wire());
        Serde<AttributionSignal> signals = AttributionSignalSerde.serde(findingSerde);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), ResourceChangesSerde.serde(findingSerde)));
        KStream<String, AuditEvent> events = builder.stream(Topics.AUDIT_EVENTS.name(),
                Consumed.with(Topics.AUDIT_EVENTS.keySerde(), Topics.AUDIT_EVENTS.valueSerde(ctx.wire())).withName("config-attribution-audit-source"));
        KStream<String, AttributionSignal> calls = events.process(CallExtractor::new, Named.as("config-attribution-calls"));
        KStream<String, AttributionSignal> drifts = findings.mapValues(AttributionSignal::of, Named.as("config-attribution-findings"));
        return drifts.merge(calls, Named.as("config-attribution-merge"))
                .repartition(Repartitioned.<String, AttributionSignal>as(REPARTITION).withKeySerde(Serdes.String()).withValueSerde(signals)
                        .withNumberOfPartitions(Topics.CONFIG_CHANGES.partitions()))
                .process(() -> new AttributionProcessor(STORE, window), Named.as("config-attribution"), STORE);
    }
}
