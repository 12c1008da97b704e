package io.vigil.cli.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What to simulate: from {@code start}, {@code hours} of activity of {@code hosts} machines, with
 * {@code attacks} injected in the last hours; {@code flowLines}, when positive, fixes the number of
 * ordinary flow log lines (spread evenly over the period) instead of the traffic model's own rate.
 */
record SimulationSpec(long seed, Instant start, int hours, int hosts, Set<Attack> attacks, long flowLines) {
    static final int MIN_HOURS = 4;
    static final int MAX_HOURS = 24 * 90;
    static final int MIN_HOSTS = 2;
    static final int MAX_HOSTS = 200;
    static final long MAX_FLOW_LINES = 2_000_000_000L;

    SimulationSpec {
        attacks = Set.copyOf(attacks);
    }

    Instant end() {
        return start.plus(Duration.ofHours(hours));
    }

    /** When the attack window opens: late enough that a day of baselines came before it when the period allows. */
    Instant attackWindow() {
        return end().minus(Attack.WINDOW_BEFORE_END);
    }

    Instant at(Attack attack) {
        return attackWindow().plus(attack.offset());
    }

    boolean has(Attack attack) {
        return attacks.contains(attack);
    }
}
