package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.credentials.Credentials;
import java.time.Clock;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Takes credentials away through IAM, reversibly: deactivates (never deletes) an access key; attaches an
 * inline deny-all policy to a user; revokes a role's sessions issued before now with a deny policy on
 * {@code aws:TokenIssueTime}, which is what the console's "Revoke active sessions" does.
 *
 * <p>Why: stolen keys and sessions keep working until they are cut; a deny policy beats every allow, and
 * session revocation reaches credentials already handed out by STS. ATT&CK T1078.004 (valid cloud
 * accounts), T1528 (steal application access token); mitigation M1026 (privileged account management).
 * Reference: AWS Security Incident Response Guide, "Contain: IAM"; IAM User Guide, "Revoking IAM role
 * temporary security credentials".
 */
public final class IamCredentials implements Credentials {
    private final IamPlanner planner;

    public IamCredentials(IamClient iam) {
        this.planner = new IamPlanner(iam, Clock.systemUTC());
    }

    @Override
    public Outcome deactivateAccessKey(String accessKeyId, ActionContext ctx) {
        return planner.deactivateKey(accessKeyId).execute();
    }

    @Override
    public Outcome denyAllForUser(String userName, ActionContext ctx) {
        return planner.denyUser(userName).execute();
    }

    @Override
    public Outcome revokeRoleSessions(String roleName, ActionContext ctx) {
        return planner.revokeSessions(roleName, ctx).execute();
    }

    @Override
    public Outcome reactivateAccessKey(String accessKeyId, java.util.Map<String, String> recorded, ActionContext ctx) {
        return planner.reactivateKey(accessKeyId, recorded).execute();
    }

    @Override
    public Outcome liftUserDeny(String userName, ActionContext ctx) {
        return planner.liftDeny(userName).execute();
    }
}
