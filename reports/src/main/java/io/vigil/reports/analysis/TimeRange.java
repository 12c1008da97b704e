package io.vigil.reports.analysis;

import java.time.Instant;
import java.util.Optional;

/** The half-open event-time range [from, to) a report covers; an absent bound is unbounded. */
public record TimeRange(Optional<Instant> from, Optional<Instant> to) {

    public TimeRange {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("--from " + from.get() + " must be before --to " + to.get());
        }
    }

    public static TimeRange everything() {
        return new TimeRange(Optional.empty(), Optional.empty());
    }

    public boolean contains(Instant t) {
        return from.map(f -> !t.isBefore(f)).orElse(true) && to.map(t::isBefore).orElse(true);
    }

    public String describe() {
        return from.map(Instant::toString).orElse("the beginning") + " to " + to.map(Instant::toString).orElse("the end");
    }
}
