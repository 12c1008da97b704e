package io.vigil.streams.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.detect.sigma.correlate.CorrelationWindow;
import io.vigil.streams.detect.sigma.correlate.Correlator;
import io.vigil.streams.detect.sigma.correlate.Hit;
import io.vigil.streams.detect.sigma.match.EventView;
import io.vigil.streams.detect.sigma.match.RuleMatch;
import io.vigil.streams.detect.sigma.match.SigmaEngine;
import io.vigil.streams.detect.sigma.rule.CorrelationRule;
import io.vigil.streams.detect.sigma.rule.ParseResult;
import io.vigil.streams.detect.sigma.rule.RuleParser;
import io.vigil.streams.finding.Detection;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thin processor around the Sigma engine: match the event, forward {@code sigma.rule} findings, and feed
 * correlation windows ({@code sigma-correlation-windows}, keyed by correlation id and group values) that
 * forward {@code sigma.correlation} findings. The engine is rebuilt when the global {@code sigma-rules}
 * store's version changes, so a rule published on the {@code rules} topic applies from the next event.
 */
final class SigmaProcessor implements Processor<String, AuditEvent, String, Finding> {
    private static final Logger LOG = LoggerFactory.getLogger(SigmaProcessor.class);
    private static final int MAX_SOURCES = 50;

    private final ParseResult files;
    private final Clock clock;
    private ProcessorContext<String, Finding> context;
    private KeyValueStore<String, String> rules;
    private KeyValueStore<String, CorrelationWindow> windows;
    private SigmaEngine engine;
    private String builtVersion;

    SigmaProcessor(ParseResult files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        this.rules = context.getStateStore(SigmaDetections.RULES_STORE);
        this.windows = context.getStateStore(SigmaDetections.WINDOWS_STORE);
        // Stream time, not wall-clock: windows of groups that went quiet are dropped as event time passes them.
        context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, AuditEvent> record) {
        AuditEvent event = record.value();
        if (event == null) {
            return;
        }
        refresh();
        EventView view = EventView.of(event);
        for (RuleMatch m : engine.match(view)) {
            if (m.standalone()) {
                forward(record, SigmaRuleDetector.detection(m, event), event, List.of(source(event.getEventId())));
            }
            for (CorrelationRule c : m.feeds()) {
                correlate(record, c, m, view, event);
            }
        }
    }

    private void correlate(Record<String, AuditEvent> record, CorrelationRule c, RuleMatch m, EventView view, AuditEvent event) {
        Map<String, String> group = new LinkedHashMap<>();
        for (String field : c.groupBy()) {
            group.put(field, first(view, field));
        }
        String key = c.id() + '\u001f' + String.join("\u001f", group.values());
        int ruleIndex = c.rules().indexOf(m.rule().id());
        if (ruleIndex < 0) {
            ruleIndex = c.rules().indexOf(m.rule().name());
        }
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        Hit hit = new Hit(event.getEventTime().toEpochMilli(), ruleIndex, c.field() == null ? null : nullIfEmpty(first(view, c.field())),
                event.getEventId(), meta.topic(), meta.partition(), meta.offset());
        CorrelationWindow window = windows.get(key);
        Correlator.Outcome outcome = Correlator.update(c, window == null ? CorrelationWindow.empty() : window, hit);
        if (outcome.window().hits().isEmpty()) {
            windows.delete(key);
        } else {
            windows.put(key, outcome.window());
        }
        outcome.fired().ifPresent(f -> {
            List<SourceRef> sources = new ArrayList<>();
            for (Hit h : f.hits().subList(Math.max(0, f.hits().size() - MAX_SOURCES), f.hits().size())) {
                sources.add(new SourceRef(h.topic(), h.partition(), h.offset(), h.eventId()));
            }
            String account = event.getRecipientAccount() != null ? event.getRecipientAccount() : event.getPrincipalAccount();
            forward(record, SigmaCorrelationDetector.detection(c, group, f, event.getPrincipalArn(), account), event, sources);
        });
    }

    private void forward(Record<String, AuditEvent> record, Detection d, AuditEvent event, List<SourceRef> sources) {
        Finding f = Findings.of(d, event.getEventTime(), clock.instant(), sources);
        context.forward(record.withKey(f.getEntity()).withValue(f));
    }

    private SourceRef source(String eventId) {
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        return new SourceRef(meta.topic(), meta.partition(), meta.offset(), eventId);
    }

    /** Rebuilds the engine when the rules topic changed since the last build (or on the first event). */
    private void refresh() {
        String version = rules.get(RulesStoreUpdater.VERSION_KEY);
        if (engine != null && Objects.equals(version, builtVersion)) {
            return;
        }
        ParseResult all = files;
        int fromTopic = 0;
        try (KeyValueIterator<String, String> it = rules.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                if (!kv.key.equals(RulesStoreUpdater.VERSION_KEY) && kv.value != null) {
                    all = all.plus(RuleParser.parse("rules:" + kv.key, kv.value));
                    fromTopic++;
                }
            }
        }
        engine = SigmaEngine.build(all);
        builtVersion = version;
        LOG.info("sigma: {} rules and {} correlations in force ({} documents from the rules topic), {} not loaded",
                engine.ruleCount(), engine.correlations().size(), fromTopic, engine.problems().size());
        engine.problems().forEach(p -> LOG.warn("sigma rule not loaded: {}", p));
    }

    private void expire(long streamTime) {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, CorrelationWindow> it = windows.all()) {
            while (it.hasNext()) {
                KeyValue<String, CorrelationWindow> kv = it.next();
                if (kv.value == null || kv.value.expired(streamTime)) {
                    stale.add(kv.key);
                }
            }
        }
        stale.forEach(windows::delete);
    }

    private static String first(EventView view, String field) {
        for (JsonNode n : view.values(field)) {
            if (!n.isNull()) {
                return n.isValueNode() ? n.asText() : n.toString();
            }
        }
        return "";
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }
}
