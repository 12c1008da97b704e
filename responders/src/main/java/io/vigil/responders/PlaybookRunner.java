package io.vigil.responders;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.ActionType;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.ledger.FourEyes;
import io.vigil.responders.ledger.Ledger;
import io.vigil.responders.playbook.Scope;
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
    private final Reach reach = new Reach();
    /** The current run's instance tags, read once per finding when a scope depends on them. */
    private final Map<String, Map<String, String>> tagCache = new java.util.HashMap<>();

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
        Optional<String> outOfScope;
        Optional<String> noEvidence;
        Optional<String> overLimit;
        tagCache.clear();
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
            } else if ((outOfScope = outOfScope(playbook, step, f)).isPresent()) {
                entry = skipped(ctx, step, target, at, "out of the playbook's scope: " + outOfScope.get());
            } else if (step.action() == ActionType.INSTANCE_STOP && (noEvidence = evidenceMissing(out)).isPresent()) {
                entry = execute
                        ? failed(ctx, step, target, at, "evidence capture failed, so " + f.getEntity() + " is not stopped: " + noEvidence.get(), false)
                        : skipped(ctx, step, target, at, "would not stop " + f.getEntity() + ": " + noEvidence.get());
            } else if (execute && step.requiresApproval()) {
                Map<String, String> d = new java.util.LinkedHashMap<>(requestDetails(playbook));
                d.putAll(StepDispatcher.requestDetails(step.action(), f));
                entry = LedgerEntries.entry(ctx, step, target, ActionStatus.REQUESTED, false, at, null,
                        "awaiting approval: " + step.action().yamlName() + " on " + target, d, null);
            } else if (execute && (overLimit = reach.wouldExceed(playbook.name(), playbook.governance().limits(), step.action(), f.getEntity(), at)).isPresent()) {
                Map<String, String> d = new java.util.LinkedHashMap<>(requestDetails(playbook));
                d.put("blast_radius", overLimit.get());
                entry = LedgerEntries.entry(ctx, step, target, ActionStatus.REQUESTED, false, at, null,
                        "awaiting approval: " + step.action().yamlName() + " on " + target + " (" + overLimit.get() + ")", d, null);
            } else {
                entry = attempt(f, ctx, step, target, at, List.copyOf(out));
            }
            entry.getDetails().put("entity", f.getEntity());
            if (entry.getStatus() == ActionStatus.FAILED && step.onFailure() == OnFailure.STOP) {
                stoppedBy = step.name();
            }
            if (entry.getStatus() == ActionStatus.EXECUTED) {
                executed.add(ctx.idempotencyKey());
                reach.record(playbook.name(), step.action(), f.getEntity(), at);
            }
            out.add(entry);
        }
        return out;
    }

    /** Takes in what the ledger says was done: executed steps are not repeated, and they count against the limits. */
    void remember(Ledger ledger) {
        for (ResponseAction a : ledger.executedEntries()) {
            executed.add(a.getIdempotencyKey());
            ActionType.byName(a.getActionType()).ifPresent(t -> reach.record(a.getPlaybook(), t,
                    a.getDetails().getOrDefault("entity", a.getTarget()), a.getCompletedAt() == null ? a.getRequestedAt() : a.getCompletedAt()));
        }
    }

    /** Why the step may not act on this finding's account or target instance at all, if so. */
    private Optional<String> outOfScope(Playbook playbook, PlaybookStep step, Finding f) {
        Scope scope = playbook.governance().scope();
        if (!step.action().changesTheCloud() || scope == Scope.ANY) {
            return Optional.empty();
        }
        Optional<String> account = scope.refusesAccount(f.getAccount());
        if (account.isPresent() || !scope.usesTags() || !step.action().onInstances()) {
            return account;
        }
        Map<String, String> tags;
        try {
            tags = tagCache.computeIfAbsent(f.getEntity(), dispatcher::instanceTags);
        } catch (ActionException e) {
            return Optional.of("the tags of " + f.getEntity() + " cannot be read (" + e.getMessage() + "), and the scope depends on them");
        }
        return scope.refusesTags(tags);
    }

    /**
     * Why the disks of the instance are not known to be preserved, judged on this run's last
     * {@code volume.snapshot} step: executed, or skipped because snapshots for the finding already exist.
     */
    private static Optional<String> evidenceMissing(List<ResponseAction> soFar) {
        Optional<ResponseAction> snapshot = soFar.stream().filter(a -> a.getActionType().equals(ActionType.VOLUME_SNAPSHOT.yamlName()))
                .reduce((a, b) -> b);
        if (snapshot.isEmpty()) {
            return Optional.of("no volume.snapshot step ran before");
        }
        ResponseAction s = snapshot.get();
        boolean preserved = s.getStatus() == ActionStatus.EXECUTED || s.getStatus() == ActionStatus.PLANNED
                || (s.getStatus() == ActionStatus.SKIPPED && s.getDetails().keySet().stream().anyMatch(k -> k.startsWith("snapshot.")));
        return preserved ? Optional.empty()
                : Optional.of("step " + s.getStep() + " ended " + s.getStatus() + (s.getError() != null ? " (" + s.getError() + ")" : ": " + s.getPlan()));
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
        if (done.getStatus() == ActionStatus.EXECUTED) {
            executed.add(request.getIdempotencyKey());
            reach.record(request.getPlaybook(), action, request.getDetails().getOrDefault("entity", request.getTarget()), done.getRequestedAt());
        }
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
