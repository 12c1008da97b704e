package io.vigil.responders;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionType;
import io.vigil.responders.action.EntityType;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.credentials.PrincipalArns;
import io.vigil.responders.ledger.Ledger;
import io.vigil.responders.notify.CaseEvent;
import io.vigil.responders.revert.DriftDiff;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a playbook step into the port call it names, with the target taken from the finding. */
final class StepDispatcher {
    static final String ACCESS_KEY_EVIDENCE = "access_key_id";

    private final ResponsePorts ports;

    StepDispatcher(ResponsePorts ports) {
        this.ports = ports;
    }

    /** The logs a legal hold keeps: those written in the day before the finding was raised, and the hour after. */
    private static java.time.Instant holdFrom(ActionContext ctx) {
        return ctx.detectedAt().minus(java.time.Duration.ofDays(1));
    }

    private static java.time.Instant holdTo(ActionContext ctx) {
        return ctx.detectedAt().plus(java.time.Duration.ofHours(1));
    }

    /** What the step acts on, as recorded in the ledger: the access key for key steps, else the entity. */
    static String target(ActionType action, Finding f) {
        return action == ActionType.CREDENTIALS_DEACTIVATE_KEY ? accessKey(f).orElse(f.getEntity()) : f.getEntity();
    }

    private static Optional<String> accessKey(Finding f) {
        return Optional.ofNullable(f.getEvidence().getObserved().get(ACCESS_KEY_EVIDENCE)).map(String::trim).filter(k -> !k.isEmpty());
    }

    /** The target instance's tags, for a playbook's tag scope. */
    Map<String, String> instanceTags(String instanceId) {
        return ports.containment().tags(instanceId);
    }

    Outcome invoke(ActionType action, Finding f, ActionContext ctx, List<ResponseAction> soFar) {
        EntityType type = EntityType.of(f.getEntity());
        if (!action.actsOn(type)) {
            return Outcome.skipped(action.yamlName() + " does not act on " + type.yamlName() + " entities like " + f.getEntity(), Map.of());
        }
        String entity = f.getEntity();
        return switch (action) {
            case INSTANCE_CONTAIN -> ports.containment().isolateInstance(entity, ctx);
            case INSTANCE_REMOVE_FROM_SERVICE -> ports.membership().removeFromService(entity, ctx);
            case INSTANCE_STOP -> ports.containment().stopInstance(entity, ctx);
            case VOLUME_SNAPSHOT -> ports.snapshots().snapshotVolumes(entity, ctx);
            case VOLUME_FORENSIC_COPY -> ports.forensics().copyToForensics(entity, ctx);
            case VOLUME_COMPARE -> ports.comparison().compare(entity, ctx);
            case VOLUME_LOCK -> ports.legalHold().lockSnapshots(entity, ctx);
            case LOGS_LEGAL_HOLD -> ports.legalHold().holdLogs(holdFrom(ctx), holdTo(ctx), ctx);
            case CREDENTIALS_DEACTIVATE_KEY -> accessKey(f)
                    .map(key -> ports.credentials().deactivateAccessKey(key, ctx))
                    .orElseGet(() -> Outcome.skipped("no " + ACCESS_KEY_EVIDENCE + " in the finding's evidence", Map.of()));
            case CREDENTIALS_DENY_USER -> PrincipalArns.userName(entity)
                    .map(user -> ports.credentials().denyAllForUser(user, ctx))
                    .orElseGet(() -> Outcome.skipped(entity + " is not an IAM user", Map.of()));
            case CREDENTIALS_REVOKE_SESSIONS -> PrincipalArns.roleName(entity)
                    .map(role -> ports.credentials().revokeRoleSessions(role, ctx))
                    .orElseGet(() -> Outcome.skipped(entity + " is not an IAM role or role session", Map.of()));
            case NOTIFY_CASE -> ports.notifier().caseEvent(caseEvent(f, ctx, soFar), ctx);
            case CONFIG_REVERT -> DriftDiff.of(f).map(d -> ports.reverts().revert(d, ctx)).orElseGet(() -> Outcome.skipped(
                    "not a configuration drift of a cloud resource (its evidence names no resource_type), so there is no baseline to revert to", Map.of()));
            case INSTANCE_RESTORE, CREDENTIALS_RESTORE, CONFIG_RESTORE -> throw new IllegalStateException(action.yamlName() + " runs only once approved");
        };
    }

    /** What a request for this step must carry so that it can be carried out from the ledger alone: a revert, the drift. */
    static Map<String, String> requestDetails(ActionType action, Finding f) {
        return action == ActionType.CONFIG_REVERT ? DriftDiff.of(f).map(DriftDiff::toDetails).orElse(Map.of()) : Map.of();
    }

    /**
     * Carries out an approved request from its ledger entry alone (the finding itself is not at hand): the
     * target recorded with the request is what the action acts on; a restore finds what to put back in the
     * case's earlier entries.
     */
    Outcome invokeRequest(ActionType action, ResponseAction request, ActionContext ctx, Ledger ledger) {
        String target = request.getTarget();
        return switch (action) {
            case INSTANCE_CONTAIN -> ports.containment().isolateInstance(target, ctx);
            case INSTANCE_REMOVE_FROM_SERVICE -> ports.membership().removeFromService(target, ctx);
            case INSTANCE_STOP -> ports.containment().stopInstance(target, ctx);
            case VOLUME_SNAPSHOT -> ports.snapshots().snapshotVolumes(target, ctx);
            case VOLUME_FORENSIC_COPY -> ports.forensics().copyToForensics(target, ctx);
            case VOLUME_COMPARE -> ports.comparison().compare(target, ctx);
            case VOLUME_LOCK -> ports.legalHold().lockSnapshots(target, ctx);
            case LOGS_LEGAL_HOLD -> ports.legalHold().holdLogs(holdFrom(ctx), holdTo(ctx), ctx);
            case CREDENTIALS_DEACTIVATE_KEY -> ports.credentials().deactivateAccessKey(target, ctx);
            case CREDENTIALS_DENY_USER -> PrincipalArns.userName(target).map(u -> ports.credentials().denyAllForUser(u, ctx))
                    .orElseGet(() -> Outcome.skipped(target + " is not an IAM user", Map.of()));
            case CREDENTIALS_REVOKE_SESSIONS -> PrincipalArns.roleName(target).map(r -> ports.credentials().revokeRoleSessions(r, ctx))
                    .orElseGet(() -> Outcome.skipped(target + " is not an IAM role or role session", Map.of()));
            case NOTIFY_CASE -> ports.notifier().caseEvent(new CaseEvent(ctx.caseId(), request.getFindingId(), "approved-step", "", target,
                    List.of(), "approved step " + request.getStep() + " of " + request.getPlaybook(), ctx.playbook(), List.of()), ctx);
            case INSTANCE_RESTORE -> restoreInstance(target, request, ctx, ledger);
            case CREDENTIALS_RESTORE -> restoreCredentials(target, request, ctx, ledger);
            case CONFIG_REVERT -> DriftDiff.fromDetails(target, request.getDetails()).map(d -> ports.reverts().revert(d, ctx))
                    .orElseGet(() -> Outcome.skipped("the request carries no drift of " + target + " to revert", Map.of()));
            case CONFIG_RESTORE -> undoRevert(target, request, ctx, ledger);
        };
    }

    private Outcome restoreInstance(String instance, ResponseAction request, ActionContext ctx, Ledger ledger) {
        List<ResponseAction> originals = Restores.originals(request, ledger, ActionType.INSTANCE_RESTORE);
        if (originals.isEmpty()) {
            return Outcome.skipped("case " + ctx.caseId() + " has no executed instance.contain of " + instance + " to restore", Map.of());
        }
        ResponseAction original = originals.get(0);
        if (original.getActionType().equals(ActionType.INSTANCE_REMOVE_FROM_SERVICE.yamlName())) {
            return ports.membership().returnToService(instance, original.getDetails(), ctx);
        }
        // the first containment of the case is the one that recorded the instance's own groups
        return ports.containment().restoreInstance(instance, original.getDetails(), ctx);
    }

    private Outcome undoRevert(String resource, ResponseAction request, ActionContext ctx, Ledger ledger) {
        List<ResponseAction> originals = Restores.originals(request, ledger, ActionType.CONFIG_RESTORE);
        if (originals.isEmpty()) {
            return Outcome.skipped("case " + ctx.caseId() + " has no carried-out config.revert of " + resource + " to undo", Map.of());
        }
        return ports.reverts().undo(resource, originals.get(0).getDetails(), ctx);
    }

    private Outcome restoreCredentials(String target, ResponseAction request, ActionContext ctx, Ledger ledger) {
        List<ResponseAction> originals = Restores.originals(request, ledger, ActionType.CREDENTIALS_RESTORE);
        if (originals.isEmpty()) {
            return Outcome.skipped("case " + ctx.caseId() + " took no credential of " + target + " away that a restore gives back", Map.of());
        }
        List<Outcome> outcomes = new java.util.ArrayList<>();
        for (ResponseAction o : originals) {
            if (o.getActionType().equals(ActionType.CREDENTIALS_DEACTIVATE_KEY.yamlName())) {
                outcomes.add(ports.credentials().reactivateAccessKey(o.getTarget(), o.getDetails(), ctx));
            } else {
                String user = o.getDetails().getOrDefault("user", PrincipalArns.userName(o.getTarget()).orElse(o.getTarget()));
                outcomes.add(ports.credentials().liftUserDeny(user, ctx));
            }
        }
        return Restores.combine(outcomes);
    }

    private static CaseEvent caseEvent(Finding f, ActionContext ctx, List<ResponseAction> soFar) {
        List<String> steps = soFar.stream().map(a -> a.getStep() + " " + a.getActionType() + " " + a.getStatus()).toList();
        return new CaseEvent(ctx.caseId(), f.getId(), f.getDetector(), f.getSeverity().name(), f.getEntity(), f.getAttack(),
                f.getSummary(), ctx.playbook(), steps);
    }
}
