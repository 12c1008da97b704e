package io.vigil.responders.credentials;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;

/** Port: take away what a compromised principal can do, in ways that can be reverted. */
public interface Credentials {

    /** Deactivates (not deletes, so it can be restored) an IAM user's access key, found by its id. */
    Outcome deactivateAccessKey(String accessKeyId, ActionContext ctx);

    /** Attaches an inline policy denying every action to an IAM user. */
    Outcome denyAllForUser(String userName, ActionContext ctx);

    /**
     * Revokes a role's sessions issued before now with a deny policy on {@code aws:TokenIssueTime}, unless
     * an existing revocation already covers sessions issued up to {@link ActionContext#detectedAt()}.
     */
    Outcome revokeRoleSessions(String roleName, ActionContext ctx);

    /**
     * Reactivates a key that containment deactivated, when its recorded {@code previous_status} was Active.
     * Session revocations are never undone: the sessions they cut may be the stolen ones.
     */
    Outcome reactivateAccessKey(String accessKeyId, java.util.Map<String, String> recorded, ActionContext ctx);

    /** Removes the deny-all inline policy {@link #denyAllForUser} attached. */
    Outcome liftUserDeny(String userName, ActionContext ctx);
}
