package io.vigil.streams.detect.sigma.correlate;

import java.util.ArrayList;
import java.util.List;

/**
 * The hits of one correlation for one group (the group-by values) within the correlation's timespan of
 * event time. Bounded: past {@link #MAX_HITS} the oldest hits make room, so a flood cannot grow the store
 * without limit (a count condition above the bound can then never hold; the docs say so).
 */
public record CorrelationWindow(List<Hit> hits, long spanMillis) {
    public static final int MAX_HITS = 2_000;

    public CorrelationWindow {
        hits = List.copyOf(hits);
    }

    /** True when no hit is recent enough, at stream time {@code now}, to take part in a future match. */
    public boolean expired(long now) {
        long newest = Long.MIN_VALUE;
        for (Hit h : hits) {
            newest = Math.max(newest, h.time());
        }
        return hits.isEmpty() || newest + spanMillis < now;
    }

    public static CorrelationWindow empty() {
        return new CorrelationWindow(List.of(), 0);
    }

    /** This window with {@code hit} added and hits older than {@code spanMillis} before the newest dropped. */
    CorrelationWindow with(Hit hit, long spanMillis) {
        long newest = hit.time();
        for (Hit h : hits) {
            newest = Math.max(newest, h.time());
        }
        List<Hit> kept = new ArrayList<>(hits.size() + 1);
        for (Hit h : hits) {
            if (h.time() >= newest - spanMillis) {
                kept.add(h);
            }
        }
        if (hit.time() >= newest - spanMillis) {
            kept.add(hit);
        }
        while (kept.size() > MAX_HITS) {
            kept.remove(0);
        }
        return new CorrelationWindow(kept, spanMillis);
    }
}
