package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.credentials.Credentials;
import java.time.Clock;
import software.amazon.awssdk.services.iam.IamClient;

/** Dry run of {@link IamCredentials}: reads the key, user or role and prints the IAM call it would make. */
public final class DryRunIamCredentials implements Credentials {
    private final IamPlanner planner;

    public DryRunIamCredentials(IamClient iam) {
        this.planner = new IamPlanner(iam, Clock.systemUTC());
    }

    @Override
    public Outcome deactivateAccessKey(String accessKeyId, ActionContext ctx) {
        return planner.deactivateKey(accessKeyId).plan();
    }

    @Override
    public Outcome denyAllForUser(String userName, ActionContext ctx) {
        return planner.denyUser(userName).plan();
    }

    @Override
    public Outcome revokeRoleSessions(String roleName, ActionContext ctx) {
        return planner.revokeSessions(roleName, ctx).plan();
    }

    @Override
    public Outcome reactivateAccessKey(String accessKeyId, java.util.Map<String, String> recorded, ActionContext ctx) {
        return planner.reactivateKey(accessKeyId, recorded).plan();
    }

    @Override
    public Outcome liftUserDeny(String userName, ActionContext ctx) {
        return planner.liftDeny(userName).plan();
    }
}
