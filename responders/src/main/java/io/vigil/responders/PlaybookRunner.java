package io.vigil.responders;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.ActionType;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.ledger.FourEyes;
import io.vigil.responders.ledger.Ledger;
import io.vigil.responders.playbook.StepCondition;
import java.util.Optional;
import io.vigil.responders.playbook.OnFailure;
import io.vigil.responders.playbook.Playbook;
import io.vigil.responders.playbook.PlaybookStep;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the steps of one playbook for one finding, in order, and returns one ledger entry per step:
 * conditions, approvals, timeouts and the on-failure policy are applied here, the actions themselves are
 * the ports'.
 */
final class PlaybookRunner {
    /** Lets an adapter's own bound (e.g. the snapshot waiter's) fire before the runner gives up on it. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    /** Who requests the approval steps of playbooks: the responder service itself. */
    static final String REQUESTER = "vigil-respond";

    private final StepDispatcher dispatcher;
    private final boolean execute;
    private final ExecutorService steps;
    private final ExecutedKeys executed;
    private final Clock clock;

    PlaybookRunner(StepDispatcher dispatcher, boolean execute, ExecutorService steps, ExecutedKeys executed, Clock clock) {
        this.dispatcher = dispatcher;
        this.execute = execute;
        this.steps = steps;
        this.executed = executed;
        this.clock = clock;
    }

    List<ResponseAction> run(Finding f, Playbook playbook) {
        String caseId = Ids.caseId(f.getId());
        List<ResponseAction> out = new ArrayList<>();
        String stoppedBy = null;
        for (PlaybookStep step : playbook.steps()) {
            ActionContext ctx = new ActionContext(caseId, f.getId(), playbook.name(),
                    Ids.idempotencyKey(f.getId(), playbook.name(), step.name()), step.timeout(), f.getDetectedAt());
            String target = StepDispatcher.target(step.action(), f);
            Instant at = clock.instant();
            ResponseAction entry;
            if (stoppedBy != null) {
                entry = skipped(ctx, step, target, at, "not run: step " + stoppedBy + " failed and its on_failure is stop");
            } else if (!step.when().test(f)) {
                entry = skipped(ctx, step, target, at, "condition not met: " + step.when().describe());
            } else if (execute && executed.contains(ctx.idempotencyKey())) {
                entry = skipped(ctx, step, target, at, "already executed for this finding (idempotency key " + ctx.idempotencyKey() + ")");
            } else if (execute && step.requiresApproval()) {
                entry = LedgerEntries.entry(ctx, step, target, ActionStatus.REQUESTED, false, at, null,
                        "awaiting approval: " + step.action().yamlName() + " on " + target, requestDetails(playbook), null);
            } else {
                entry = attempt(f, ctx, step, target, at, List.copyOf(out));
            }
            if (entry.getStatus() == ActionStatus.FAILED && step.onFailure() == OnFailure.STOP) {
                stoppedBy = step.name();
            }
            if (entry.getStatus() == ActionStatus.EXECUTED) {
                executed.add(ctx.idempotencyKey());
            }
            out.add(entry);
        }
        return out;
    }

    /** Who asks for a playbook's approval steps, and the four-eyes rule the approvers must meet. */
    static Map<String, String> requestDetails(Playbook playbook) {
        Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put(FourEyes.REQUESTED_BY, REQUESTER);
        playbook.governance().configuredBy().ifPresent(c -> d.put(FourEyes.CONFIGURED_BY, c));
        d.put(FourEyes.FOUR_EYES, String.valueOf(playbook.governance().fourEyes()));
        return d;
    }

    /**
     * Carries out (or, when not executing, plans) a request someone approved: the same timeout and failure
     * handling as a playbook step, the request's own details kept, the approvals recorded with the outcome.
     * A restore that changed something is recorded as {@link ActionStatus#REVERTED}.
     */
    ResponseAction carryOut(ResponseAction request, Ledger ledger, List<io.vigil.schemas.Approval> approvals) {
        ActionType action = ActionType.byName(request.getActionType())
                .orElseThrow(() -> new IllegalArgumentException("unknown action type " + request.getActionType()));
        Duration timeout = Optional.ofNullable(request.getDetails().get("timeout")).map(Duration::parse).orElse(Duration.ofMinutes(5));
        PlaybookStep step = new PlaybookStep(request.getStep(), action, StepCondition.ALWAYS, true, timeout, OnFailure.CONTINUE);
        ActionContext ctx = new ActionContext(request.getDetails().getOrDefault("case_id", Ids.caseId(request.getFindingId())), request.getFindingId(),
                request.getPlaybook(), request.getIdempotencyKey(), timeout, request.getRequestedAt());
        ResponseAction done = run(ctx, step, request.getTarget(), clock.instant(), () -> dispatcher.invokeRequest(action, request, ctx, ledger));
        if (action.alwaysNeedsApproval() && done.getStatus() == ActionStatus.EXECUTED) {
            done = LedgerEntries.entry(ctx, step, request.getTarget(), ActionStatus.REVERTED, done.getDryRun(), done.getRequestedAt(),
                    done.getCompletedAt(), done.getPlan(), done.getDetails(), null);
        }
        Map<String, String> details = new java.util.LinkedHashMap<>(request.getDetails());
        details.putAll(done.getDetails());
        done.setDetails(details);
        done.setApprovals(approvals);
        return done;
    }

    private ResponseAction attempt(Finding f, ActionContext ctx, PlaybookStep step, String target, Instant at, List<ResponseAction> soFar) {
        return run(ctx, step, target, at, () -> dispatcher.invoke(step.action(), f, ctx, soFar));
    }

    private ResponseAction run(ActionContext ctx, PlaybookStep step, String target, Instant at, java.util.concurrent.Callable<Outcome> action) {
        Future<Outcome> call = steps.submit(action);
        try {
            Outcome o = call.get(step.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            return LedgerEntries.entry(ctx, step, target, o.status(), !execute, at, clock.instant(), o.plan(), o.details(), null);
        } catch (TimeoutException e) {
            call.cancel(true);
            // the cloud may still finish the call; a re-run reads the state and does only what is left
            return failed(ctx, step, target, at, "timed out after " + step.timeout(), true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return cause instanceof ActionException a
                    ? failed(ctx, step, target, at, a.getMessage(), a.retryable())
                    : failed(ctx, step, target, at, cause.getClass().getSimpleName() + ": " + cause.getMessage(), false);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return failed(ctx, step, target, at, "interrupted", true);
        }
    }

    private ResponseAction skipped(ActionContext ctx, PlaybookStep step, String target, Instant at, String why) {
        return LedgerEntries.entry(ctx, step, target, ActionStatus.SKIPPED, !execute, at, at, why, Map.of(), null);
    }

    private ResponseAction failed(ActionContext ctx, PlaybookStep step, String target, Instant at, String error, boolean retryable) {
        return LedgerEntries.entry(ctx, step, target, ActionStatus.FAILED, !execute, at, clock.instant(),
                step.action().yamlName() + " on " + target + " failed", Map.of("error_class", retryable ? "retryable" : "permanent"), error);
    }
}
