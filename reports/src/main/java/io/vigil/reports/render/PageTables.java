package io.vigil.reports.render;

import io.vigil.reports.analysis.ActionRow;
import io.vigil.reports.analysis.DurationStats;
import io.vigil.reports.analysis.FindingRow;
import io.vigil.reports.analysis.Report;
import io.vigil.reports.analysis.Tally;
import io.vigil.reports.baseline.InventorySummary;
import io.vigil.reports.baseline.PrincipalSummary;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The report's content as titled tables, shared by the HTML and Markdown pages so that both say the same. */
final class PageTables {
    private static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::name).toList();

    private PageTables() {}

    /** The headline numbers, label then value. */
    static List<Map.Entry<String, String>> overview(Report r) {
        return List.of(
                Map.entry("Findings", String.valueOf(r.findings().size())),
                Map.entry("Drift findings", String.valueOf(r.drift().size())),
                Map.entry("CRITICAL / HIGH", r.bySeverity().get(Severity.CRITICAL) + " / " + r.bySeverity().get(Severity.HIGH)),
                Map.entry("Entities", String.valueOf(r.distinctEntities())),
                Map.entry("Response actions", String.valueOf(r.actions().size())),
                Map.entry("Time to detect (p50)", median(r.timeToDetect())),
                Map.entry("Time to respond (p50)", median(r.timeToRespond())));
    }

    static List<Section> sections(Report r) {
        return List.of(
                new Section("findings-by", "Findings by severity and detector", List.of(severities(r), detectors(r))),
                new Section("entities", "Entities and accounts", List.of(entities(r), accounts(r))),
                new Section("drift", "Drift", List.of(drift(r))),
                new Section("response", "Response", List.of(timings(r), outcomes(r), actions(r))),
                new Section("baseline", "Baseline now", baseline(r)),
                new Section("findings", "Findings", List.of(findings(r))),
                new Section("sources", "Sources", List.of(sources(r))));
    }

    private static String median(DurationStats s) {
        return s.isEmpty() ? Text.NONE : Text.duration(s.p50());
    }

    private static Table severities(Report r) {
        return new Table("By severity", List.of("Severity", "Findings"),
                r.bySeverity().entrySet().stream().map(e -> List.of(e.getKey().name(), String.valueOf(e.getValue()))).toList());
    }

    private static Table detectors(Report r) {
        List<String> headers = new ArrayList<>(List.of("Detector", "Total"));
        headers.addAll(SEVERITIES);
        headers.addAll(List.of("First event", "Last event", "Detect p50", "Detect p90", "Detect max"));
        return new Table("By detector", headers, r.detectors().stream().map(d -> {
            List<String> row = new ArrayList<>(List.of(d.detector(), String.valueOf(d.total())));
            d.bySeverity().values().forEach(n -> row.add(String.valueOf(n)));
            row.addAll(List.of(Text.time(d.firstEvent()), Text.time(d.lastEvent()), Text.duration(d.timeToDetect().p50()),
                    Text.duration(d.timeToDetect().p90()), Text.duration(d.timeToDetect().max())));
            return row;
        }).toList());
    }

    private static Table entities(Report r) {
        return new Table("Entities", List.of("Entity", "Findings", "Worst severity"), tallies(r.topEntities()),
                "the " + r.topEntities().size() + " entities with most findings, of " + r.distinctEntities());
    }

    private static Table accounts(Report r) {
        return new Table("Accounts", List.of("Account", "Findings", "Worst severity"), tallies(r.accounts()));
    }

    private static List<List<String>> tallies(List<Tally> tallies) {
        return tallies.stream().map(t -> List.of(t.key(), String.valueOf(t.count()), t.maxSeverity().name())).toList();
    }

    private static Table drift(Report r) {
        return new Table("Drift findings", List.of("Event time", "Severity", "Detector", "Entity", "Summary", "Evidence"),
                r.drift().stream().map(row -> {
                    Finding f = row.finding();
                    return List.of(Text.time(f.getEventTime()), f.getSeverity().name(), f.getDetector(), f.getEntity(), f.getSummary(), evidence(f));
                }).toList());
    }

    private static Table timings(Report r) {
        return new Table("Time to detect and to respond", List.of("Measure", "Findings", "p50", "p90", "Max"), List.of(
                timing("Time to detect (event time to finding)", r.timeToDetect()),
                timing("Time to respond (finding to first action)", r.timeToRespond())));
    }

    private static List<String> timing(String label, DurationStats s) {
        return s.isEmpty() ? List.of(label, "0", Text.NONE, Text.NONE, Text.NONE)
                : List.of(label, String.valueOf(s.count()), Text.duration(s.p50()), Text.duration(s.p90()), Text.duration(s.max()));
    }

    private static Table outcomes(Report r) {
        return new Table("Action outcomes", List.of("Action type", "Status", "Dry run", "Actions"), r.outcomes().stream()
                .map(o -> List.of(o.actionType(), o.status().name(), yesNo(o.dryRun()), String.valueOf(o.count()))).toList());
    }

    private static Table actions(Report r) {
        return new Table("Actions", List.of("Requested", "Finding", "Detector", "Playbook", "Step", "Action type", "Target", "Status",
                "Dry run", "Completed", "Approvals", "Error"), r.actions().stream().map(a -> List.of(Text.time(a.requestedAt()), a.findingId(),
                a.detector(), a.playbook(), a.step(), a.actionType(), a.target(), a.status().name(), yesNo(a.dryRun()),
                a.completedAt().map(Text::time).orElse(Text.NONE), approvals(a), a.error().orElse(""))).toList());
    }

    private static List<Table> baseline(Report r) {
        InventorySummary inv = r.baseline().inventory();
        PrincipalSummary p = r.baseline().principals();
        Table inventory = new Table("Hosts and software", List.of("Measure", "Value"), List.of(
                List.of("Hosts", String.valueOf(inv.hosts().size())),
                List.of("Distinct packages (name and version)", String.valueOf(inv.distinctPackages())),
                List.of("Package installs", String.valueOf(inv.packageInstalls())),
                List.of("Listening ports", String.valueOf(inv.listeningPorts())),
                List.of("Latest inventory row", inv.asOf().map(Text::time).orElse(Text.NONE))));
        Table principals = new Table("Principals", List.of("Measure", "Value"), Stream.concat(Stream.of(
                List.of("Distinct principals", String.valueOf(p.principals())),
                List.of("Accounts", String.valueOf(p.accounts())),
                List.of("Audit events read", String.valueOf(p.events())),
                List.of("Latest audit event", p.asOf().map(Text::time).orElse(Text.NONE))),
                p.byType().entrySet().stream().map(e -> List.of("Principals of type " + e.getKey(), String.valueOf(e.getValue())))).toList());
        Table hosts = new Table("Hosts", List.of("Host", "Hostname", "Instance", "Packages", "Listening ports", "Processes", "Last seen"),
                inv.hosts().stream().limit(Report.HOSTS_SHOWN).map(h -> List.of(h.host(), orNone(h.hostname()), orNone(h.instanceId()),
                        String.valueOf(h.packages()), String.valueOf(h.listeningPorts()), String.valueOf(h.processes()), Text.time(h.lastSeen()))).toList(),
                inv.hosts().size() > Report.HOSTS_SHOWN ? "the first " + Report.HOSTS_SHOWN + " of " + inv.hosts().size() + " hosts; hosts.csv lists all" : "");
        return List.of(inventory, principals, hosts);
    }

    private static Table findings(Report r) {
        return new Table("All findings", List.of("Event time", "Detected", "Severity", "Kind", "Detector", "Entity", "Account", "Summary",
                "Evidence", "ATT&CK", "Actions"), r.findings().stream().map(PageTables::finding).toList());
    }

    private static List<String> finding(FindingRow row) {
        Finding f = row.finding();
        return List.of(Text.time(f.getEventTime()), Text.time(f.getDetectedAt()), f.getSeverity().name(), f.getKind().name(), f.getDetector(),
                f.getEntity(), orNone(f.getAccount()), f.getSummary(), evidence(f), String.join(", ", f.getAttack()),
                row.actions().stream().map(a -> a.actionType() + ": " + a.status() + (a.dryRun() ? " (dry run)" : "")).collect(Collectors.joining("\n")));
    }

    private static Table sources(Report r) {
        return new Table("Topics read", List.of("Topic", "Present", "Records", "Unreadable"), r.sources().stream()
                .map(s -> List.of(s.topic(), yesNo(s.exists()), String.valueOf(s.records()), String.valueOf(s.unreadable()))).toList());
    }

    /** Observed, baseline and reason on their own lines. */
    static String evidence(Finding f) {
        return "observed: " + Text.entries(f.getEvidence().getObserved()) + "\nbaseline: " + Text.entries(f.getEvidence().getBaseline())
                + "\nreason: " + f.getEvidence().getReason();
    }

    static String approvals(ActionRow a) {
        return a.approvals().stream().map(ap -> ap.getApprover() + ": " + ap.getDecision() + " at " + ap.getAt()).collect(Collectors.joining("\n"));
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String orNone(String s) {
        return s == null ? Text.NONE : s;
    }
}
