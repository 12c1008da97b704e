package io.vigil.responders;

import io.vigil.responders.action.ActionType;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.credentials.PrincipalArns;
import io.vigil.responders.ledger.FourEyes;
import io.vigil.responders.ledger.Ledger;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ResponseAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The way back from a case: which of its executed steps a restore puts back (containments, and drift reverts:
 * an undo of a revert is a restore too), the restore requests for them
 * (always awaiting approval, four eyes), and what cannot be restored and why.
 */
final class Restores {
    static final String PLAYBOOK = "restore";
    static final String RESTORES = "restores";
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> CREDENTIAL_STEPS = Set.of(ActionType.CREDENTIALS_DEACTIVATE_KEY.yamlName(), ActionType.CREDENTIALS_DENY_USER.yamlName());

    private Restores() {}

    /**
     * One request per executed containment of the case: {@code instance.restore} per instance contained,
     * {@code credentials.restore} per key deactivated or user denied. Keys are derived from the step restored,
     * so asking twice gives the same requests.
     */
    static List<ResponseAction> requests(Ledger ledger, String caseId, String requestedBy, Instant now) {
        List<ResponseAction> out = new ArrayList<>();
        for (ResponseAction e : ledger.caseEntries(caseId)) {
            if (e.getDryRun() || e.getStatus() != (reverted(e) ? ActionStatus.REVERTED : ActionStatus.EXECUTED)) {
                continue;
            }
            ActionType restore;
            if (reverted(e)) {
                restore = ActionType.CONFIG_RESTORE;
            } else if (e.getActionType().equals(ActionType.INSTANCE_CONTAIN.yamlName())
                    || e.getActionType().equals(ActionType.INSTANCE_REMOVE_FROM_SERVICE.yamlName())) {
                restore = ActionType.INSTANCE_RESTORE;
            } else if (CREDENTIAL_STEPS.contains(e.getActionType())) {
                restore = ActionType.CREDENTIALS_RESTORE;
            } else {
                continue;
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("case_id", caseId);
            details.put("timeout", TIMEOUT.toString());
            details.put("requires_approval", "true");
            details.put(RESTORES, e.getIdempotencyKey());
            details.put("restores_action", e.getActionType());
            details.put(FourEyes.REQUESTED_BY, requestedBy);
            Optional.ofNullable(e.getDetails().get(FourEyes.CONFIGURED_BY)).ifPresent(c -> details.put(FourEyes.CONFIGURED_BY, c));
            details.put(FourEyes.FOUR_EYES, "true");
            String key = Ids.idempotencyKey(e.getIdempotencyKey(), PLAYBOOK, restore.yamlName());
            out.add(ResponseAction.newBuilder()
                    .setId(key + "/requested").setIdempotencyKey(key).setFindingId(e.getFindingId()).setPlaybook(PLAYBOOK)
                    .setStep("restore-" + e.getStep()).setActionType(restore.yamlName()).setTarget(e.getTarget())
                    .setStatus(ActionStatus.REQUESTED).setDryRun(false).setRequestedAt(now).setCompletedAt(null)
                    .setPlan("awaiting approval: " + restore.yamlName() + " on " + e.getTarget() + " (puts back what " + e.getPlaybook() + "/"
                            + e.getStep() + " replaced)")
                    .setDetails(details).setError(null).setApprovals(List.of()).build());
        }
        return out;
    }

    /** What the case did that no restore undoes, in words (session revocations: the sessions cut may be the stolen ones). */
    static List<String> notRestored(Ledger ledger, String caseId) {
        return ledger.caseEntries(caseId).stream()
                .filter(e -> e.getStatus() == ActionStatus.EXECUTED && !e.getDryRun()
                        && e.getActionType().equals(ActionType.CREDENTIALS_REVOKE_SESSIONS.yamlName()))
                .map(e -> e.getTarget() + ": sessions revoked by " + e.getStep() + " stay revoked (they may be the stolen ones; new sessions work)")
                .toList();
    }

    /** The executed steps a restore request puts back: the one it names, or those of its case on its target. */
    static List<ResponseAction> originals(ResponseAction request, Ledger ledger, ActionType restore) {
        String restores = request.getDetails().get(RESTORES);
        if (restores != null) {
            ActionStatus done = restore == ActionType.CONFIG_RESTORE ? ActionStatus.REVERTED : ActionStatus.EXECUTED;
            return ledger.entry(restores, done).filter(e -> !e.getDryRun()).map(List::of).orElse(List.of());
        }
        String caseId = request.getDetails().get("case_id");
        return ledger.caseEntries(caseId).stream()
                .filter(e -> e.getStatus() == ActionStatus.EXECUTED && !e.getDryRun())
                .filter(e -> restore == ActionType.INSTANCE_RESTORE
                        ? e.getActionType().equals(ActionType.INSTANCE_CONTAIN.yamlName()) && e.getTarget().equals(request.getTarget())
                        : CREDENTIAL_STEPS.contains(e.getActionType()) && concerns(e, request.getTarget()))
                .toList();
    }

    /** A drift revert carried out is recorded as REVERTED; it is what a config.restore undoes. */
    private static boolean reverted(ResponseAction e) {
        return e.getActionType().equals(ActionType.CONFIG_REVERT.yamlName());
    }

    private static boolean concerns(ResponseAction credentialStep, String principal) {
        Optional<String> user = PrincipalArns.userName(principal);
        return credentialStep.getTarget().equals(principal)
                || user.map(u -> u.equals(credentialStep.getDetails().get("user"))).orElse(false);
    }

    /** Several restores as one outcome: skipped when none changed anything, else executed, with every plan. */
    static Outcome combine(List<Outcome> outcomes) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            int n = i;
            outcomes.get(i).details().forEach((k, v) -> details.put(outcomes.size() == 1 ? k : n + "." + k, v));
        }
        String plan = String.join("; ", outcomes.stream().map(Outcome::plan).toList());
        ActionStatus status = outcomes.stream().anyMatch(o -> o.status() == ActionStatus.EXECUTED) ? ActionStatus.EXECUTED
                : outcomes.stream().anyMatch(o -> o.status() == ActionStatus.PLANNED) ? ActionStatus.PLANNED : ActionStatus.SKIPPED;
        return new Outcome(status, plan, details);
    }
}
