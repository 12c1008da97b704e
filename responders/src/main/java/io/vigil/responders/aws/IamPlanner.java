package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

/** Reads a principal's current state and plans the credential change still to make, if any. */
final class IamPlanner {
    private final IamClient iam;
    private final IamReads reads;
    private final Clock clock;

    IamPlanner(IamClient iam, Clock clock) {
        this.iam = iam;
        this.reads = new IamReads(iam);
        this.clock = clock;
    }

    IamStep deactivateKey(String accessKeyId) {
        if (accessKeyId.startsWith("ASIA")) {
            return IamStep.skip(accessKeyId + " is a temporary session key, which cannot be deactivated; revoke the role's sessions instead",
                    Map.of("access_key_id", accessKeyId));
        }
        Optional<AccessKeyMetadata> key = reads.accessKey(accessKeyId);
        if (key.isEmpty()) {
            return IamStep.skip("IAM knows no access key " + accessKeyId + " (deleted already, or another account's)", Map.of("access_key_id", accessKeyId));
        }
        String user = key.get().userName();
        Map<String, String> details = Map.of("access_key_id", accessKeyId, "user", user, "previous_status", key.get().statusAsString());
        if (key.get().status() == StatusType.INACTIVE) {
            return IamStep.skip("access key " + accessKeyId + " of " + user + " is already inactive", details);
        }
        return new IamStep(Optional.empty(), "iam:UpdateAccessKey UserName=" + user + " AccessKeyId=" + accessKeyId + " Status=Inactive", details,
                () -> iam.updateAccessKey(r -> r.userName(user).accessKeyId(accessKeyId).status(StatusType.INACTIVE)));
    }

    IamStep reactivateKey(String accessKeyId, Map<String, String> recorded) {
        Map<String, String> base = Map.of("access_key_id", accessKeyId);
        if (!"Active".equalsIgnoreCase(recorded.getOrDefault("previous_status", ""))) {
            return IamStep.skip("access key " + accessKeyId + " was not active before containment (previous_status "
                    + recorded.getOrDefault("previous_status", "unrecorded") + "); left as it is", base);
        }
        Optional<AccessKeyMetadata> key = reads.accessKey(accessKeyId);
        if (key.isEmpty()) {
            return IamStep.skip("IAM knows no access key " + accessKeyId + " any more (deleted since)", base);
        }
        String user = key.get().userName();
        Map<String, String> details = Map.of("access_key_id", accessKeyId, "user", user, "status_before_restore", key.get().statusAsString());
        if (key.get().status() == StatusType.ACTIVE) {
            return IamStep.skip("access key " + accessKeyId + " of " + user + " is already active", details);
        }
        return new IamStep(Optional.empty(), "iam:UpdateAccessKey UserName=" + user + " AccessKeyId=" + accessKeyId + " Status=Active", details,
                () -> iam.updateAccessKey(r -> r.userName(user).accessKeyId(accessKeyId).status(StatusType.ACTIVE)));
    }

    IamStep liftDeny(String user) {
        Map<String, String> details = Map.of("user", user, "policy", IamPolicies.DENY_ALL);
        if (reads.userPolicy(user, IamPolicies.DENY_ALL).isEmpty()) {
            return IamStep.skip("user " + user + " has no inline policy " + IamPolicies.DENY_ALL, details);
        }
        return new IamStep(Optional.empty(), "iam:DeleteUserPolicy UserName=" + user + " PolicyName=" + IamPolicies.DENY_ALL, details,
                () -> iam.deleteUserPolicy(r -> r.userName(user).policyName(IamPolicies.DENY_ALL)));
    }

    IamStep denyUser(String user) {
        Map<String, String> details = Map.of("user", user, "policy", IamPolicies.DENY_ALL);
        if (reads.userPolicy(user, IamPolicies.DENY_ALL).isPresent()) {
            return IamStep.skip("user " + user + " already has inline policy " + IamPolicies.DENY_ALL, details);
        }
        return new IamStep(Optional.empty(), "iam:PutUserPolicy UserName=" + user + " PolicyName=" + IamPolicies.DENY_ALL + " (Deny * on *)", details,
                () -> iam.putUserPolicy(r -> r.userName(user).policyName(IamPolicies.DENY_ALL).policyDocument(IamPolicies.denyAll())));
    }

    IamStep revokeSessions(String role, ActionContext ctx) {
        Optional<Instant> existing = reads.rolePolicy(role, IamPolicies.REVOKE_OLDER_SESSIONS).flatMap(IamPolicies::revocationCutoff);
        if (existing.isPresent() && !existing.get().isBefore(ctx.detectedAt().truncatedTo(ChronoUnit.SECONDS))) {
            return IamStep.skip("sessions of role " + role + " issued before " + existing.get() + " are already revoked",
                    Map.of("role", role, "revoked_before", existing.get().toString()));
        }
        Instant cutoff = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> details = Map.of("role", role, "policy", IamPolicies.REVOKE_OLDER_SESSIONS, "revoked_before", cutoff.toString(),
                "previous_revoked_before", existing.map(Instant::toString).orElse("none"));
        return new IamStep(Optional.empty(), "iam:PutRolePolicy RoleName=" + role + " PolicyName=" + IamPolicies.REVOKE_OLDER_SESSIONS
                + " (Deny * when aws:TokenIssueTime < " + cutoff + ")", details,
                () -> iam.putRolePolicy(r -> r.roleName(role).policyName(IamPolicies.REVOKE_OLDER_SESSIONS)
                        .policyDocument(IamPolicies.revokeSessionsIssuedBefore(cutoff))));
    }
}
