package io.vigil.responders.cases;

import io.vigil.responders.custody.CustodyChain;
import io.vigil.responders.ledger.Ledger;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One case as a timeline: the findings it came from, every ledger entry of its steps (planned, requested,
 * executed, failed, skipped, reverted), every decision on its requests, and its chain of custody with the
 * chain's verification, in time order. Pure: built from what the topics hold.
 *
 * @param findingIds    the findings the case's entries name; {@code findings} holds those found on the topic (a file run with
 *                      {@code vigil respond --findings} puts none there)
 * @param custodyBroken the first broken link of the custody chain, if it is broken
 */
public record CaseTimeline(String caseId, List<String> findingIds, List<Finding> findings, List<Event> events, int custodyRecords,
                           Optional<String> custodyBroken) {

    /** One thing that happened in the case. {@code kind}: finding, action, approval or custody. */
    public record Event(Instant at, String kind, String what, String status, String who, String detail) {}

    /** Whether anything on the topics belongs to the case. */
    public boolean known() {
        return !events.isEmpty();
    }

    /** The case's entries in the ledger, their approvals, its custody records and the findings among {@code candidates} it came from. */
    public static CaseTimeline of(String caseId, Ledger ledger, List<CustodyRecord> custody, List<Finding> candidates) {
        List<ResponseAction> entries = ledger.caseEntries(caseId);
        Set<String> findingIds = new LinkedHashSet<>();
        entries.forEach(e -> findingIds.add(e.getFindingId()));
        List<Finding> findings = candidates.stream().filter(f -> findingIds.contains(f.getId())).toList();
        List<Event> events = new ArrayList<>();
        findings.forEach(f -> events.add(new Event(f.getDetectedAt(), "finding", f.getDetector() + " on " + f.getEntity(), f.getSeverity().name(), "",
                f.getId() + ": " + f.getSummary())));
        Set<String> keys = new LinkedHashSet<>();
        for (ResponseAction e : entries) {
            keys.add(e.getIdempotencyKey());
            Instant at = e.getCompletedAt() != null ? e.getCompletedAt() : e.getRequestedAt();
            String who = e.getDetails().getOrDefault("requested_by", "");
            events.add(new Event(at, "action", e.getPlaybook() + "/" + e.getStep() + " " + e.getActionType() + " -> " + e.getTarget(),
                    e.getStatus().name() + (e.getDryRun() ? " (dry run)" : ""), who,
                    e.getPlan() + (e.getError() == null ? "" : "; error: " + e.getError()) + " [action " + e.getIdempotencyKey() + "]"));
        }
        for (String key : keys) {
            for (ResponseApproval a : ledger.approvals(key)) {
                events.add(new Event(a.getAt(), "approval", "decision on action " + key, a.getDecision().name(), a.getApprover(),
                        a.getComment() == null ? "" : a.getComment()));
            }
        }
        for (CustodyRecord r : custody) {
            events.add(new Event(r.getAt(), "custody", "#" + r.getSequence() + " " + r.getAction(), "", r.getActor(),
                    String.join(", ", r.getEvidence().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + " (from " + r.getSource() + "; hash " + r.getHash().substring(0, 12) + "…)"));
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(e -> order(e.kind())));
        return new CaseTimeline(caseId, List.copyOf(findingIds), findings, List.copyOf(events), custody.size(), custody.isEmpty() ? Optional.empty() : CustodyChain.verify(custody));
    }

    private static int order(String kind) {
        return Map.of("finding", 0, "action", 1, "approval", 2, "custody", 3).getOrDefault(kind, 4);
    }
}
