package io.vigil.reports.render;

import io.vigil.reports.analysis.ActionRow;
import io.vigil.reports.analysis.DetectorRow;
import io.vigil.reports.analysis.FindingRow;
import io.vigil.reports.analysis.Report;
import io.vigil.reports.baseline.HostSummary;
import io.vigil.reports.render.escape.Csv;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report's underlying tables as CSV, one file each, for spreadsheets and scripts: ISO-8601 times,
 * durations in seconds, every row (no top-N cut), every cell quoted and neutralised by {@link Csv}.
 */
public final class CsvFiles {
    private CsvFiles() {}

    /** File name to content, in the order they should be written. */
    public static Map<String, String> render(Report r) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("findings.csv", findings(r));
        files.put("actions.csv", actions(r));
        files.put("detectors.csv", detectors(r));
        files.put("hosts.csv", hosts(r));
        return files;
    }

    private static String findings(Report r) {
        StringBuilder csv = new StringBuilder(Csv.row(List.of("id", "event_time", "detected_at", "time_to_detect_seconds", "kind", "detector",
                "severity", "entity", "entity_type", "account", "attack", "summary", "observed", "baseline", "reason", "sources", "actions",
                "time_to_respond_seconds")));
        for (FindingRow row : r.findings()) {
            Finding f = row.finding();
            csv.append(Csv.row(List.of(f.getId(), f.getEventTime().toString(), f.getDetectedAt().toString(), Text.seconds(row.timeToDetect()),
                    f.getKind().name(), f.getDetector(), f.getSeverity().name(), f.getEntity(), f.getEntityType(), nullToEmpty(f.getAccount()),
                    String.join(";", f.getAttack()), f.getSummary(), Text.entries(f.getEvidence().getObserved()),
                    Text.entries(f.getEvidence().getBaseline()), f.getEvidence().getReason(),
                    f.getSources().stream().map(s -> s.getTopic() + "/" + s.getPartition() + "/" + s.getOffset()).collect(Collectors.joining(";")),
                    String.valueOf(row.actions().size()), row.timeToRespond().map(Text::seconds).orElse(""))));
        }
        return csv.toString();
    }

    private static String actions(Report r) {
        StringBuilder csv = new StringBuilder(Csv.row(List.of("idempotency_key", "finding_id", "detector", "playbook", "step", "action_type",
                "target", "status", "dry_run", "requested_at", "completed_at", "approvals", "error", "plan")));
        for (ActionRow a : r.actions()) {
            csv.append(Csv.row(List.of(a.key(), a.findingId(), a.detector(), a.playbook(), a.step(), a.actionType(), a.target(), a.status().name(),
                    String.valueOf(a.dryRun()), a.requestedAt().toString(), a.completedAt().map(Object::toString).orElse(""),
                    PageTables.approvals(a).replace('\n', ';'), a.error().orElse(""), a.plan())));
        }
        return csv.toString();
    }

    private static String detectors(Report r) {
        List<String> header = new ArrayList<>(List.of("detector", "total"));
        Arrays.stream(Severity.values()).forEach(s -> header.add(s.name().toLowerCase(Locale.ROOT)));
        header.addAll(List.of("first_event_time", "last_event_time", "time_to_detect_p50_seconds", "time_to_detect_p90_seconds",
                "time_to_detect_max_seconds"));
        StringBuilder csv = new StringBuilder(Csv.row(header));
        for (DetectorRow d : r.detectors()) {
            List<String> row = new ArrayList<>(List.of(d.detector(), String.valueOf(d.total())));
            d.bySeverity().values().forEach(n -> row.add(String.valueOf(n)));
            row.addAll(List.of(d.firstEvent().toString(), d.lastEvent().toString(), Text.seconds(d.timeToDetect().p50()),
                    Text.seconds(d.timeToDetect().p90()), Text.seconds(d.timeToDetect().max())));
            csv.append(Csv.row(row));
        }
        return csv.toString();
    }

    private static String hosts(Report r) {
        StringBuilder csv = new StringBuilder(Csv.row(List.of("host", "hostname", "instance_id", "packages", "listening_ports", "processes", "last_seen")));
        for (HostSummary h : r.baseline().inventory().hosts()) {
            csv.append(Csv.row(List.of(h.host(), nullToEmpty(h.hostname()), nullToEmpty(h.instanceId()), String.valueOf(h.packages()),
                    String.valueOf(h.listeningPorts()), String.valueOf(h.processes()), h.lastSeen().toString())));
        }
        return csv.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
