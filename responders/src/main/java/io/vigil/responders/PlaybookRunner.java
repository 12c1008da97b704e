package io.vigil.responders;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.Outcome;
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
                        "awaiting approval: " + step.action().yamlName() + " on " + target, Map.of(), null);
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

    private ResponseAction attempt(Finding f, ActionContext ctx, PlaybookStep step, String target, Instant at, List<ResponseAction> soFar) {
        Future<Outcome> call = steps.submit(() -> dispatcher.invoke(step.action(), f, ctx, soFar));
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
