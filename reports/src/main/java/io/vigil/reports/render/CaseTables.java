package io.vigil.reports.render;

import io.vigil.reports.incident.CaseInput;
import io.vigil.reports.incident.CaseTimeline;
import io.vigil.reports.incident.SourceEvent;
import io.vigil.reports.incident.TimelineEntry;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An incident report's content as titled tables, shared by its HTML, Markdown and CSV forms. */
final class CaseTables {
    private CaseTables() {}

    static String title(CaseInput c) {
        return "Incident report: " + c.caseId();
    }

    static String intro(CaseInput c) {
        return "Everything the topics hold about case " + c.caseId() + ": the events behind its findings, the findings, the response "
                + "actions and their outcome, approvals, and the chain of custody. Generated at " + Text.time(c.generatedAt()) + ".";
    }

    static List<Map.Entry<String, String>> overview(CaseInput c) {
        Optional<Finding> first = c.findings().stream().min(Comparator.comparing(Finding::getEventTime));
        String severity = c.findings().stream().map(Finding::getSeverity).max(Comparator.naturalOrder()).map(Enum::name).orElse(Text.NONE);
        long executed = c.actions().stream().filter(a -> a.getStatus() == ActionStatus.EXECUTED && !a.getDryRun()).count();
        long failed = c.actions().stream().filter(a -> a.getStatus() == ActionStatus.FAILED).count();
        Optional<Duration> toRespond = first.flatMap(f -> c.actions().stream().map(ResponseAction::getRequestedAt).min(Comparator.naturalOrder())
                .map(t -> Duration.between(f.getDetectedAt(), t)));
        return List.of(
                Map.entry("Findings", String.valueOf(c.findings().size())),
                Map.entry("Highest severity", severity),
                Map.entry("First event", first.map(f -> Text.time(f.getEventTime())).orElse(Text.NONE)),
                Map.entry("Time to detect", first.map(f -> Text.duration(Duration.between(f.getEventTime(), f.getDetectedAt()))).orElse(Text.NONE)),
                Map.entry("Time to respond", Text.duration(toRespond)),
                Map.entry("Actions executed / failed", executed + " / " + failed),
                Map.entry("Approvals", String.valueOf(CaseTimeline.approvals(c).size())),
                Map.entry("Custody records", c.custody().size() + (c.custody().isEmpty() ? "" : CaseTimeline.firstBrokenLink(c.custody())
                        .map(s -> " (chain broken at #" + s + ")").orElse(" (chain linked)"))));
    }

    static List<Section> sections(CaseInput c) {
        return List.of(
                new Section("timeline", "Timeline", List.of(timeline(c))),
                new Section("findings", "Findings", List.of(findings(c))),
                new Section("actions", "Response actions", List.of(actions(c))),
                new Section("approvals", "Approvals", List.of(approvals(c))),
                new Section("custody", "Chain of custody", List.of(custody(c))),
                new Section("events", "Source events", List.of(events(c))));
    }

    static Table timeline(CaseInput c) {
        return new Table("Timeline", List.of("time", "kind", "who", "what", "detail"),
                CaseTimeline.of(c).stream().map((TimelineEntry e) -> List.of(Text.time(e.at()), e.kind(), nz(e.who()), nz(e.what()), nz(e.detail()))).toList(),
                "Events at their event time, findings when detected, actions when requested or completed.");
    }

    static Table findings(CaseInput c) {
        return new Table("Findings", List.of("id", "event_time", "detected_at", "detector", "severity", "entity", "attack", "summary", "observed", "sources"),
                c.findings().stream().sorted(Comparator.comparing(Finding::getEventTime)).map(f -> List.of(f.getId(), Text.time(f.getEventTime()),
                        Text.time(f.getDetectedAt()), f.getDetector(), f.getSeverity().name(), f.getEntity(), String.join(" ", f.getAttack()), f.getSummary(),
                        Text.entries(f.getEvidence().getObserved()), f.getSources().stream().map(s -> s.getTopic() + "/" + s.getPartition() + "@" + s.getOffset())
                                .reduce((a, b) -> a + " " + b).orElse(""))).toList());
    }

    static Table actions(CaseInput c) {
        return new Table("Response actions (every ledger entry)", List.of("requested_at", "completed_at", "playbook", "step", "action", "target", "status",
                "dry_run", "plan", "error"),
                c.actions().stream().sorted(Comparator.comparing(ResponseAction::getRequestedAt).thenComparing(a -> a.getStatus().ordinal()))
                        .map(a -> List.of(Text.time(a.getRequestedAt()), Text.time(a.getCompletedAt()), a.getPlaybook(), a.getStep(), a.getActionType(),
                                a.getTarget(), a.getStatus().name(), a.getDryRun() ? "yes" : "no", nz(a.getPlan()), nz(a.getError()))).toList());
    }

    static Table approvals(CaseInput c) {
        return new Table("Approvals", List.of("at", "approver", "decision", "action", "comment"),
                CaseTimeline.approvals(c).stream().map(a -> List.of(Text.time(a.at()), a.approver(), a.decision(), a.action(), a.comment())).toList());
    }

    static Table custody(CaseInput c) {
        Optional<Long> broken = CaseTimeline.firstBrokenLink(c.custody());
        return new Table("Chain of custody", List.of("sequence", "at", "actor", "action", "source", "evidence", "prev_hash", "hash"),
                c.custody().stream().sorted(Comparator.comparingLong(CustodyRecord::getSequence)).map(r -> List.of(String.valueOf(r.getSequence()),
                        Text.time(r.getAt()), r.getActor(), r.getAction(), r.getSource(), Text.entries(r.getEvidence()), r.getPrevHash(), r.getHash())).toList(),
                broken.map(s -> "The chain is broken at record #" + s + ": it does not name the previous record's hash (or a record is missing).")
                        .orElse("Each record names the previous record's hash; the hashes themselves are verified by the responders (CustodyChain)."));
    }

    static Table events(CaseInput c) {
        return new Table("Source events", List.of("event_time", "source", "who", "what", "detail"),
                c.events().stream().sorted(Comparator.comparing(SourceEvent::at)).map(e -> List.of(Text.time(e.at()), e.position(), nz(e.who()), nz(e.what()),
                        nz(e.detail()))).toList(),
                "The input records the findings cite, read back from their topics (a record past the topic's retention is missing here).");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
