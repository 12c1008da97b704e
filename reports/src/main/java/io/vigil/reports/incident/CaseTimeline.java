package io.vigil.reports.incident;

import io.vigil.schemas.Approval;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A case's facts in time order: the input events its findings cite (at their event time), each finding
 * (when it was detected), each ledger entry of its actions (when requested, or completed), each approval
 * and each custody record. Pure: no I/O, no clock. Ties keep this order of kinds, so a step reads
 * cause before effect.
 */
public final class CaseTimeline {
    private static final List<String> KINDS = List.of("event", "finding", "action", "approval", "custody");
    private static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(e -> KINDS.indexOf(e.kind())).thenComparing(TimelineEntry::what);

    private CaseTimeline() {}

    public static List<TimelineEntry> of(CaseInput in) {
        List<TimelineEntry> out = new ArrayList<>();
        in.events().forEach(e -> out.add(new TimelineEntry(e.at(), "event", e.who(), e.what(), e.position() + (e.detail().isEmpty() ? "" : "; " + e.detail()))));
        for (Finding f : in.findings()) {
            out.add(new TimelineEntry(f.getDetectedAt(), "finding", f.getEntity(), f.getSeverity() + " " + f.getDetector() + ": " + f.getSummary(),
                    "id " + f.getId() + "; event time " + f.getEventTime()));
        }
        for (ResponseAction a : in.actions()) {
            out.add(new TimelineEntry(a.getCompletedAt() != null ? a.getCompletedAt() : a.getRequestedAt(), "action", a.getDryRun() ? "responder (dry run)" : "responder",
                    a.getActionType() + " " + a.getStatus() + " " + a.getTarget(), a.getError() != null ? a.getError() : a.getPlan()));
        }
        for (ApprovalFact ap : approvals(in)) {
            out.add(new TimelineEntry(ap.at(), "approval", ap.approver(), ap.decision() + " " + ap.action(), ap.comment()));
        }
        for (CustodyRecord c : in.custody()) {
            out.add(new TimelineEntry(c.getAt(), "custody", c.getActor(), "#" + c.getSequence() + " " + c.getAction(), entries(c.getEvidence())));
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** An approval or refusal, from {@code response.approvals} or recorded on a ledger entry; each counted once. */
    public record ApprovalFact(java.time.Instant at, String approver, String decision, String action, String comment) {}

    public static List<ApprovalFact> approvals(CaseInput in) {
        Set<ApprovalFact> out = new LinkedHashSet<>();
        for (ResponseApproval a : in.approvals()) {
            out.add(new ApprovalFact(a.getAt(), a.getApprover(), String.valueOf(a.getDecision()).toLowerCase(java.util.Locale.ROOT), a.getActionKey(),
                    a.getComment() == null ? "" : a.getComment()));
        }
        for (ResponseAction r : in.actions()) {
            for (Approval a : r.getApprovals()) {
                out.add(new ApprovalFact(a.getAt(), a.getApprover(), a.getDecision().toLowerCase(java.util.Locale.ROOT), r.getIdempotencyKey(),
                        a.getComment() == null ? "" : a.getComment()));
            }
        }
        return out.stream().sorted(Comparator.comparing(ApprovalFact::at).thenComparing(ApprovalFact::approver)).toList();
    }

    /**
     * Whether each custody record names the previous one's hash: the first broken link's sequence, or
     * empty when the chain is whole. (Re-computing each hash is the responders' {@code CustodyChain}; a
     * report shows the links as the topic holds them.)
     */
    public static java.util.Optional<Long> firstBrokenLink(List<CustodyRecord> custody) {
        List<CustodyRecord> sorted = custody.stream().sorted(Comparator.comparingLong(CustodyRecord::getSequence)).toList();
        String previous = "0".repeat(64);
        long expected = 0;
        for (CustodyRecord c : sorted) {
            if (c.getSequence() != expected || !previous.equals(c.getPrevHash())) {
                return java.util.Optional.of(c.getSequence());
            }
            previous = c.getHash();
            expected++;
        }
        return java.util.Optional.empty();
    }

    static String entries(Map<String, String> map) {
        return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("; "));
    }
}
