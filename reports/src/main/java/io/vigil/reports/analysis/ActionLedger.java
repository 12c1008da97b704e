package io.vigil.reports.analysis;

import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Approval;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collapses the response ledger into one row per action, joined to the finding that caused it. */
final class ActionLedger {
    /**
     * The ledger is keyed by idempotency key and status, so one action's entries may sit on different
     * partitions and arrive in any order: the lifecycle stage decides, then time.
     */
    private static final Comparator<ResponseAction> LATER = Comparator.comparingInt((ResponseAction a) -> stage(a.getStatus()))
            .thenComparing(ActionLedger::effectiveTime);

    private ActionLedger() {}

    private static int stage(ActionStatus s) {
        return switch (s) {
            case REQUESTED -> 0;
            case PLANNED -> 1;
            case EXECUTED, FAILED, SKIPPED -> 2;
            case REVERTED -> 3;
        };
    }

    private static Instant effectiveTime(ResponseAction a) {
        return a.getCompletedAt() != null ? a.getCompletedAt() : a.getRequestedAt();
    }

    /** Entries whose finding is not in {@code findingsById} are left out. */
    static List<ActionRow> collapse(List<ResponseAction> entries, Map<String, Finding> findingsById) {
        Map<String, List<ResponseAction>> byKey = new LinkedHashMap<>();
        for (ResponseAction a : entries) {
            if (findingsById.containsKey(a.getFindingId())) {
                byKey.computeIfAbsent(a.getIdempotencyKey(), k -> new ArrayList<>()).add(a);
            }
        }
        return byKey.entrySet().stream()
                .map(e -> row(e.getKey(), e.getValue(), findingsById))
                .sorted(Comparator.comparing(ActionRow::requestedAt).thenComparing(ActionRow::key))
                .toList();
    }

    private static ActionRow row(String key, List<ResponseAction> entries, Map<String, Finding> findingsById) {
        ResponseAction last = entries.stream().max(LATER).orElseThrow();
        Instant requested = entries.stream().map(ResponseAction::getRequestedAt).min(Comparator.naturalOrder()).orElseThrow();
        LinkedHashSet<Approval> approvals = new LinkedHashSet<>();
        entries.forEach(a -> approvals.addAll(a.getApprovals()));
        return new ActionRow(key, last.getFindingId(), findingsById.get(last.getFindingId()).getDetector(), last.getPlaybook(), last.getStep(),
                last.getActionType(), last.getTarget(), last.getStatus(), last.getDryRun(), requested,
                Optional.ofNullable(last.getCompletedAt()), Optional.ofNullable(last.getError()), List.copyOf(approvals), last.getPlan());
    }
}
