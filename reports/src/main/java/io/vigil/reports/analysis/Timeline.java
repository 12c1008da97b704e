package io.vigil.reports.analysis;

import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Findings counted per time bucket, by severity and by detector: the data behind the report's charts. */
public record Timeline(Duration bucket, List<Instant> starts, List<Series> bySeverity, List<Series> byDetector) {

    /** One stacked layer of a chart: a name and a count per bucket. */
    public record Series(String name, long[] counts) {}

    static final int MAX_BUCKETS = 60;
    /** Detectors beyond this many are summed as "other", so that chart colours stay distinguishable. */
    static final int MAX_DETECTOR_SERIES = 7;
    static final String OTHER = "other";

    private static final List<Duration> LADDER = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));

    /** Buckets span the range's bounds where given, else the findings' own first and last event times. */
    static Timeline of(List<Finding> findings, TimeRange range) {
        if (findings.isEmpty() && (range.from().isEmpty() || range.to().isEmpty())) {
            return new Timeline(LADDER.get(0), List.of(), List.of(), List.of());
        }
        Instant first = range.from().orElseGet(() -> findings.stream().map(Finding::getEventTime).min(Comparator.naturalOrder()).orElseThrow());
        Instant end = range.to().orElseGet(() -> findings.stream().map(Finding::getEventTime).max(Comparator.naturalOrder()).orElseThrow().plusMillis(1));
        Duration bucket = bucketFor(Duration.between(first, end));
        long size = bucket.toMillis();
        long start = Math.floorDiv(first.toEpochMilli(), size) * size;
        int n = (int) Math.max(1, Math.floorDiv(end.toEpochMilli() - 1 - start, size) + 1);
        List<Instant> starts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            starts.add(Instant.ofEpochMilli(start + i * size));
        }
        Map<String, long[]> severities = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            severities.put(s.name(), new long[n]);
        }
        List<String> top = topDetectors(findings);
        Map<String, long[]> detectors = new LinkedHashMap<>();
        top.forEach(d -> detectors.put(d, new long[n]));
        for (Finding f : findings) {
            int i = (int) Math.floorDiv(f.getEventTime().toEpochMilli() - start, size);
            severities.get(f.getSeverity().name())[i]++;
            String d = top.contains(f.getDetector()) ? f.getDetector() : OTHER;
            detectors.computeIfAbsent(d, k -> new long[n])[i]++;
        }
        return new Timeline(bucket, starts, series(severities), series(detectors));
    }

    /** The smallest step that fits the span in MAX_BUCKETS - 1, leaving one bucket for aligning the start to the step. */
    private static Duration bucketFor(Duration span) {
        for (Duration d : LADDER) {
            if (span.toMillis() <= d.toMillis() * (MAX_BUCKETS - 1)) {
                return d;
            }
        }
        return Duration.ofDays(span.toDays() / (MAX_BUCKETS - 1) + 1);
    }

    private static List<String> topDetectors(List<Finding> findings) {
        Map<String, Long> counts = new LinkedHashMap<>();
        findings.forEach(f -> counts.merge(f.getDetector(), 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_DETECTOR_SERIES)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<Series> series(Map<String, long[]> byName) {
        return byName.entrySet().stream().map(e -> new Series(e.getKey(), e.getValue())).toList();
    }
}
