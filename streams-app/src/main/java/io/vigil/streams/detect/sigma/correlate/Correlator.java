package io.vigil.streams.detect.sigma.correlate;

import io.vigil.streams.detect.sigma.rule.CorrelationRule;
import io.vigil.streams.detect.sigma.rule.CorrelationType;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a Sigma v2 correlation as its hits arrive, in event time: {@code event_count} counts hits,
 * {@code value_count} distinct values of the field, {@code temporal} distinct rules that hit, and
 * {@code temporal_ordered} asks that the rules hit in the listed order (hits sorted by event time; hits
 * of the same millisecond keep their arrival order). A window that fires is emptied, so one burst gives
 * one finding and the next burst starts counting afresh.
 *
 * <p>Pure: no Kafka types, no clock.
 */
public final class Correlator {
    private Correlator() {}

    /** What a hit did: the window to keep, and the hits that fired the correlation, if it fired. */
    public record Outcome(CorrelationWindow window, Optional<Fired> fired) {}

    /** A correlation that held: the hits behind it (oldest first) and the count that was compared. */
    public record Fired(List<Hit> hits, long count) {}

    public static Outcome update(CorrelationRule c, CorrelationWindow window, Hit hit) {
        CorrelationWindow w = window.with(hit, c.timespanMillis());
        long count = count(c, w.hits());
        boolean holds = switch (c.type()) {
            case EVENT_COUNT, VALUE_COUNT -> c.condition().test(count);
            case TEMPORAL -> c.condition() != null ? c.condition().test(count) : count == c.rules().size();
            case TEMPORAL_ORDERED -> count == c.rules().size() && ordered(c, w.hits());
        };
        if (!holds) {
            return new Outcome(w, Optional.empty());
        }
        List<Hit> sorted = w.hits().stream().sorted(Comparator.comparingLong(Hit::time)).toList();
        return new Outcome(CorrelationWindow.empty(), Optional.of(new Fired(sorted, count)));
    }

    static long count(CorrelationRule c, List<Hit> hits) {
        if (c.type() == CorrelationType.EVENT_COUNT) {
            return hits.size();
        }
        Set<Object> distinct = new HashSet<>();
        for (Hit h : hits) {
            if (c.type() == CorrelationType.VALUE_COUNT) {
                if (h.value() != null) {
                    distinct.add(h.value());
                }
            } else {
                distinct.add(h.rule());
            }
        }
        return distinct.size();
    }

    /** Whether the rules hit as a subsequence in the listed order: earliest-first matching finds one if any exists. */
    private static boolean ordered(CorrelationRule c, List<Hit> hits) {
        int next = 0;
        for (Hit h : hits.stream().sorted(Comparator.comparingLong(Hit::time)).toList()) {
            if (h.rule() == next) {
                next++;
                if (next == c.rules().size()) {
                    return true;
                }
            }
        }
        return false;
    }
}
