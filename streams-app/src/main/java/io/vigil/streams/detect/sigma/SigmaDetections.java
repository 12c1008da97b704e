package io.vigil.streams.detect.sigma;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.detect.sigma.correlate.CorrelationWindowSerde;
import io.vigil.streams.detect.sigma.rule.ParseResult;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The Sigma family: CloudTrail events matched against Sigma rules (shipped files, the operator's folders,
 * and the compacted {@code rules} topic read as the global store {@code sigma-rules}), findings out.
 *
 * <p>Correlation windows live beside the matching, in the task that reads the event: {@code audit.events}
 * is keyed by principal, so a correlation grouped by principal fields sees all its events; one grouped by
 * something else (a source address shared by several principals) sees those of its principals that share
 * a partition. A repartition by group would lift that; the docs state the limit.
 */
public final class SigmaDetections {
    public static final String RULES_STORE = "sigma-rules";
    public static final String WINDOWS_STORE = "sigma-correlation-windows";

    private SigmaDetections() {}

    public static void addTo(StreamsBuilder builder, DetectionContext ctx) {
        SigmaSettings settings = SigmaSettings.from(ctx.config());
        ParseResult files = settings.shipped() ? SigmaRuleFiles.shipped() : ParseResult.empty();
        for (String dir : settings.dirs()) {
            files = files.plus(SigmaRuleFiles.folder(Path.of(dir)));
        }
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE), Serdes.String(), Serdes.String()).withLoggingDisabled(),
                Topics.RULES.name(), Consumed.with(Serdes.String(), Serdes.String()).withName("sigma-rules-source"), RulesStoreUpdater::new);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOWS_STORE), Serdes.String(), CorrelationWindowSerde.serde()));
        KStream<String, AuditEvent> events = builder.stream(Topics.AUDIT_EVENTS.name(),
                Consumed.with(Topics.AUDIT_EVENTS.keySerde(), Topics.AUDIT_EVENTS.valueSerde(ctx.wire())).withName("sigma-audit-events-source"));
        ParseResult loaded = files;
        ctx.sink(events.process(() -> new SigmaProcessor(loaded, ctx.clock()), Named.as("sigma-match"), WINDOWS_STORE), "sigma");
    }
}
