package io.vigil.streams.detect.sigma.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.streams.detect.sigma.rule.CorrelationRule;
import io.vigil.streams.detect.sigma.rule.CorrelationType;
import io.vigil.streams.detect.sigma.rule.CountCondition;
import io.vigil.streams.detect.sigma.rule.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Correlations judged hit by hit in event time. */
class CorrelatorTest {
    private static final long MIN = 60_000;

    @Test
    void eventCountFiresOnceThenStartsAfresh() {
        CorrelationRule c = rule(CorrelationType.EVENT_COUNT, 2, new CountCondition(null, 3L, null, null, null), null);
        CorrelationWindow w = CorrelationWindow.empty();
        int fired = 0;
        for (int i = 0; i < 7; i++) {
            Correlator.Outcome o = Correlator.update(c, w, hit(i * MIN, 0, null));
            w = o.window();
            fired += o.fired().isPresent() ? 1 : 0;
        }
        assertThat(fired).isEqualTo(2);
        assertThat(w.hits()).hasSize(1);
    }

    @Test
    void hitsOutsideTheTimespanDoNotCount() {
        CorrelationRule c = rule(CorrelationType.EVENT_COUNT, 2, new CountCondition(null, 3L, null, null, null), null);
        CorrelationWindow w = CorrelationWindow.empty();
        for (long t : new long[] {0, 15 * MIN, 30 * MIN, 45 * MIN}) {
            Correlator.Outcome o = Correlator.update(c, w, hit(t, 0, null));
            assertThat(o.fired()).isEmpty();
            w = o.window();
        }
    }

    @Test
    void valueCountCountsDistinctValues() {
        CorrelationRule c = rule(CorrelationType.VALUE_COUNT, 2, new CountCondition(2L, null, null, null, null), "user");
        CorrelationWindow w = CorrelationWindow.empty();
        for (String v : new String[] {"a", "a", "a", "b"}) {
            Correlator.Outcome o = Correlator.update(c, w, hit(0, 0, v));
            assertThat(o.fired()).isEmpty();
            w = o.window();
        }
        assertThat(Correlator.update(c, w, hit(MIN, 0, "c")).fired()).hasValueSatisfying(f -> assertThat(f.count()).isEqualTo(3));
    }

    @Test
    void temporalOrderedAcceptsOnlyTheListedOrderInEventTime() {
        CorrelationRule c = rule(CorrelationType.TEMPORAL_ORDERED, 2, null, null);
        // Rule 1's hit arrives first but happened later: out-of-order arrival, event time decides.
        Correlator.Outcome first = Correlator.update(c, CorrelationWindow.empty(), hit(2 * MIN, 1, null));
        assertThat(Correlator.update(c, first.window(), hit(MIN, 0, null)).fired()).isPresent();
        Correlator.Outcome wrong = Correlator.update(c, CorrelationWindow.empty(), hit(MIN, 1, null));
        assertThat(Correlator.update(c, wrong.window(), hit(2 * MIN, 0, null)).fired()).isEmpty();
    }

    @Test
    void windowsExpireInStreamTime() {
        CorrelationRule c = rule(CorrelationType.TEMPORAL, 2, null, null);
        CorrelationWindow w = Correlator.update(c, CorrelationWindow.empty(), hit(0, 0, null)).window();
        assertThat(w.expired(10 * MIN)).isFalse();
        assertThat(w.expired(10 * MIN + 1)).isTrue();
    }

    private static CorrelationRule rule(CorrelationType type, int rules, CountCondition condition, String field) {
        List<String> refs = rules == 1 ? List.of("a") : List.of("a", "b");
        return new CorrelationRule("test", "c-1", null, "t", Level.HIGH, List.of(), type, refs, List.of("g"), 10 * MIN, condition, field, false);
    }

    private static Hit hit(long time, int rule, String value) {
        return new Hit(time, rule, value, "e" + time, "audit.events", 0, time);
    }
}
