package io.vigil.reports.analysis;

import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns what was read from the topics into a {@link Report}. Pure: no I/O, no clock. */
public final class ReportAnalyser {
    private static final Comparator<Finding> BY_TIME = Comparator.comparing(Finding::getEventTime).thenComparing(Finding::getId);

    private ReportAnalyser() {}

    public static Report analyse(ReportInput in) {
        // the range is applied here as well as when reading, so that a report means the same whatever its input holds;
        // finding ids are deterministic, so a replayed input that raised the same finding again counts once
        Map<String, Finding> byId = new LinkedHashMap<>();
        in.findings().stream().filter(f -> in.range().contains(f.getEventTime())).sorted(BY_TIME).forEach(f -> byId.putIfAbsent(f.getId(), f));
        List<Finding> findings = List.copyOf(byId.values());

        List<ActionRow> actions = ActionLedger.collapse(in.actions(), byId);
        Map<String, List<ActionRow>> actionsByFinding = actions.stream().collect(Collectors.groupingBy(ActionRow::findingId));
        List<FindingRow> rows = findings.stream().map(f -> row(f, actionsByFinding.getOrDefault(f.getId(), List.of()))).toList();

        List<Tally> entities = tally(findings, Finding::getEntity);
        return new Report(in.range(), in.generatedAt(), in.sources(), rows, bySeverity(findings), detectors(rows),
                entities.stream().limit(Report.TOP_ENTITIES).toList(), entities.size(),
                tally(findings.stream().filter(f -> f.getAccount() != null).toList(), Finding::getAccount),
                actions, outcomes(actions),
                DurationStats.of(rows.stream().map(FindingRow::timeToDetect).toList()),
                DurationStats.of(rows.stream().flatMap(r -> r.timeToRespond().stream()).toList()),
                Timeline.of(findings, in.range()), in.baseline());
    }

    private static FindingRow row(Finding f, List<ActionRow> actions) {
        Optional<Duration> toRespond = actions.stream().map(ActionRow::requestedAt).min(Comparator.naturalOrder())
                .map(first -> Duration.between(f.getDetectedAt(), first));
        return new FindingRow(f, Duration.between(f.getEventTime(), f.getDetectedAt()), actions, toRespond);
    }

    private static Map<Severity, Long> bySeverity(List<Finding> findings) {
        Map<Severity, Long> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0L);
        }
        findings.forEach(f -> out.merge(f.getSeverity(), 1L, Long::sum));
        return out;
    }

    private static List<DetectorRow> detectors(List<FindingRow> rows) {
        Map<String, List<FindingRow>> byDetector = rows.stream().collect(Collectors.groupingBy(r -> r.finding().getDetector()));
        List<DetectorRow> out = new ArrayList<>();
        byDetector.forEach((detector, list) -> {
            List<Finding> fs = list.stream().map(FindingRow::finding).toList();
            out.add(new DetectorRow(detector, fs.size(), bySeverity(fs), fs.get(0).getEventTime(), fs.get(fs.size() - 1).getEventTime(),
                    DurationStats.of(list.stream().map(FindingRow::timeToDetect).toList())));
        });
        out.sort(Comparator.comparingLong(DetectorRow::total).reversed().thenComparing(DetectorRow::detector));
        return out;
    }

    private static List<Tally> tally(List<Finding> findings, Function<Finding, String> key) {
        Map<String, List<Finding>> groups = findings.stream().collect(Collectors.groupingBy(key));
        return groups.entrySet().stream()
                .map(e -> new Tally(e.getKey(), e.getValue().size(),
                        e.getValue().stream().map(Finding::getSeverity).max(Comparator.naturalOrder()).orElseThrow()))
                .sorted(Comparator.comparingLong(Tally::count).reversed().thenComparing(Tally::key))
                .toList();
    }

    private static List<OutcomeRow> outcomes(List<ActionRow> actions) {
        record Outcome(String actionType, ActionStatus status, boolean dryRun) {}
        Map<Outcome, Long> counts = actions.stream()
                .collect(Collectors.groupingBy(a -> new Outcome(a.actionType(), a.status(), a.dryRun()), Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> new OutcomeRow(e.getKey().actionType(), e.getKey().status(), e.getKey().dryRun(), e.getValue()))
                .sorted(Comparator.comparing(OutcomeRow::actionType).thenComparing(OutcomeRow::status).thenComparing(OutcomeRow::dryRun))
                .toList();
    }
}
