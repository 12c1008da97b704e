package io.vigil.streams.app;

import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.suppress.SuppressionFilter;
import io.vigil.streams.suppress.Suppressions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * What every detection family is built with: the wire format, the clock that stamps detected_at, and
 * where findings go. Live processing writes every finding to {@code findings}; a hunt runs the same
 * families over history and keeps only the findings of its time range and detectors, in its own topic.
 *
 * @param findingsTopic where findings are written
 * @param from          keep findings whose event time is at or after this (hunts)
 * @param to            keep findings whose event time is before this (hunts)
 * @param detectors     keep findings of these detectors
 * @param siemMirror    whether the topology also mirrors findings for SIEMs (live only)
 * @param metrics       where findings are counted
 * @param config        the {@code vigil.*} settings the families read (e.g. {@code vigil.flow.*}), validated when built
 * @param suppressed    whether findings pass the {@link Suppressions} filter (its global store must be in the topology)
 */
public record DetectionContext(WireFormat wire, Clock clock, String findingsTopic, Optional<Instant> from, Optional<Instant> to,
                               Predicate<String> detectors, boolean siemMirror, FindingMetrics metrics, Map<String, ?> config, boolean suppressed) {

    public static DetectionContext live(WireFormat wire, Clock clock) {
        return new DetectionContext(wire, clock, Topics.FINDINGS.name(), Optional.empty(), Optional.empty(), d -> true, true, FindingMetrics.none(), Map.of(), false);
    }

    public static DetectionContext hunt(WireFormat wire, Clock clock, String findingsTopic, Instant from, Instant to, Predicate<String> detectors) {
        return new DetectionContext(wire, clock, findingsTopic, Optional.of(from), Optional.of(to), detectors, false, FindingMetrics.none(), Map.of(), false);
    }

    /** The same context, counting its findings in {@code registry}-backed metrics. */
    public DetectionContext withMetrics(FindingMetrics m) {
        return new DetectionContext(wire, clock, findingsTopic, from, to, detectors, siemMirror, m, config, suppressed);
    }

    /** The same context reading its detection settings from {@code settings} (unknown keys are ignored). */
    public DetectionContext withConfig(Map<String, ?> settings) {
        return new DetectionContext(wire, clock, findingsTopic, from, to, detectors, siemMirror, metrics, Map.copyOf(settings), suppressed);
    }

    /** The same context with findings filtered by the suppressions store, which the caller adds ({@link Suppressions#addTo}). */
    public DetectionContext withSuppressions() {
        return new DetectionContext(wire, clock, findingsTopic, from, to, detectors, siemMirror, metrics, config, true);
    }

    public boolean wanted(Finding f) {
        return detectors.test(f.getDetector())
                && from.map(t -> !f.getEventTime().isBefore(t)).orElse(true)
                && to.map(t -> f.getEventTime().isBefore(t)).orElse(true);
    }

    /** Writes a family's findings: those this context wants, to its findings topic, with named operators. */
    public void sink(KStream<String, Finding> findings, String name) {
        KStream<String, Finding> selected = findings.filter((k, f) -> wanted(f), Named.as(name + "-select"));
        if (suppressed) {
            selected = selected.processValues(SuppressionFilter::new, Named.as(name + "-suppress"));
        }
        selected.peek((k, f) -> metrics.record(f), Named.as(name + "-count"))
                .to(findingsTopic, Produced.with(Topics.FINDINGS.keySerde(), Topics.FINDINGS.valueSerde(wire)).withName(name + "-findings"));
    }
}
