package io.vigil.responders;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.playbook.PlaybookStep;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ResponseAction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the {@code response.actions} entry of a step from what happened to it. */
final class LedgerEntries {
    private LedgerEntries() {}

    static ResponseAction entry(ActionContext ctx, PlaybookStep step, String target, ActionStatus status, boolean dryRun,
                                Instant requestedAt, Instant completedAt, String plan, Map<String, String> details, String error) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("case_id", ctx.caseId());
        all.put("timeout", step.timeout().toString());
        if (step.requiresApproval()) {
            all.put("requires_approval", "true");
        }
        return ResponseAction.newBuilder()
                .setId(ctx.idempotencyKey() + "/" + status.name().toLowerCase(Locale.ROOT))
                .setIdempotencyKey(ctx.idempotencyKey())
                .setFindingId(ctx.findingId())
                .setPlaybook(ctx.playbook())
                .setStep(step.name())
                .setActionType(step.action().yamlName())
                .setTarget(target)
                .setStatus(status)
                .setDryRun(dryRun)
                .setRequestedAt(requestedAt)
                .setCompletedAt(completedAt)
                .setPlan(plan)
                .setDetails(all)
                .setError(error)
                .setApprovals(List.of())
                .build();
    }
}
