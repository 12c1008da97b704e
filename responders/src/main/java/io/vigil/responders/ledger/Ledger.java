package io.vigil.responders.ledger;

import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The response ledger as read back from {@code response.actions} and {@code response.approvals}: every
 * step's entries by idempotency key and status, and every approver's latest decision per action. What a
 * restore puts back, what awaits approval and what was already done are all answered from here, so a
 * restarted responder knows what its predecessors did.
 */
public final class Ledger {
    /** Statuses that settle a request: once one of these is recorded (not as a dry run), the request is done. */
    private static final Set<ActionStatus> SETTLED = EnumSet.of(ActionStatus.EXECUTED, ActionStatus.FAILED, ActionStatus.REVERTED, ActionStatus.SKIPPED);

    private final Map<String, EnumMap<ActionStatus, ResponseAction>> byKey = new LinkedHashMap<>();
    private final Map<String, Map<String, ResponseApproval>> approvals = new LinkedHashMap<>();

    public static Ledger of(Collection<ResponseAction> actions, Collection<ResponseApproval> approvals) {
        Ledger l = new Ledger();
        actions.forEach(l::record);
        approvals.forEach(l::record);
        return l;
    }

    public synchronized void record(ResponseAction a) {
        byKey.computeIfAbsent(a.getIdempotencyKey(), k -> new EnumMap<>(ActionStatus.class)).put(a.getStatus(), a);
    }

    public synchronized void record(ResponseApproval a) {
        approvals.computeIfAbsent(a.getActionKey(), k -> new LinkedHashMap<>()).put(a.getApprover(), a);
    }

    public synchronized Optional<ResponseAction> entry(String idempotencyKey, ActionStatus status) {
        return Optional.ofNullable(byKey.getOrDefault(idempotencyKey, new EnumMap<>(ActionStatus.class)).get(status));
    }

    /** Whether the step of this key was carried out (not planned) by anyone: a redelivered finding must not repeat it. */
    public synchronized boolean executed(String idempotencyKey) {
        return entry(idempotencyKey, ActionStatus.EXECUTED).filter(a -> !a.getDryRun()).isPresent();
    }

    /** Every step carried out (not planned), in no particular order. */
    public synchronized List<ResponseAction> executedEntries() {
        return byKey.values().stream().map(m -> m.get(ActionStatus.EXECUTED)).filter(a -> a != null && !a.getDryRun()).toList();
    }

    /** Whether a request under this key has been carried out, refused or found unnecessary. */
    public synchronized boolean settled(String idempotencyKey) {
        return byKey.getOrDefault(idempotencyKey, new EnumMap<>(ActionStatus.class)).values().stream()
                .anyMatch(a -> !a.getDryRun() && SETTLED.contains(a.getStatus()));
    }

    /** Entries of one case (details {@code case_id}), in the order they were recorded. */
    public synchronized List<ResponseAction> caseEntries(String caseId) {
        List<ResponseAction> out = new ArrayList<>();
        byKey.values().forEach(m -> m.values().stream().filter(a -> caseId.equals(a.getDetails().get("case_id"))).forEach(out::add));
        out.sort((a, b) -> a.getRequestedAt().compareTo(b.getRequestedAt()));
        return out;
    }

    /** Requests (REQUESTED, executing) not yet settled: what approvals can unlock. */
    public synchronized List<ResponseAction> awaitingApproval() {
        List<ResponseAction> out = new ArrayList<>();
        byKey.forEach((k, m) -> {
            ResponseAction r = m.get(ActionStatus.REQUESTED);
            if (r != null && !r.getDryRun() && !settled(k)) {
                out.add(r);
            }
        });
        return out;
    }

    /** The request with this idempotency key, or the only one whose key starts with it (at least 8 characters). */
    public synchronized Optional<ResponseAction> request(String keyOrPrefix) {
        if (keyOrPrefix.length() < 8) {
            return Optional.empty();
        }
        List<ResponseAction> found = byKey.entrySet().stream().filter(e -> e.getKey().startsWith(keyOrPrefix))
                .map(e -> e.getValue().get(ActionStatus.REQUESTED)).filter(r -> r != null && !r.getDryRun()).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Every approver's latest decision on the action, in the order they first decided. */
    public synchronized List<ResponseApproval> approvals(String idempotencyKey) {
        return List.copyOf(approvals.getOrDefault(idempotencyKey, Map.of()).values());
    }
}
