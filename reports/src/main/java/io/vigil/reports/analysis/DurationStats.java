package io.vigil.reports.analysis;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Median, 90th percentile and maximum of a set of durations (nearest-rank percentiles: always an observed value). */
public record DurationStats(int count, Duration p50, Duration p90, Duration max) {

    public static DurationStats of(Collection<Duration> values) {
        if (values.isEmpty()) {
            return new DurationStats(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        List<Duration> sorted = values.stream().sorted().toList();
        return new DurationStats(sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 90), sorted.get(sorted.size() - 1));
    }

    private static Duration nearestRank(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
