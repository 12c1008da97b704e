package io.vigil.responders.revert;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import java.util.Map;

/**
 * Port: returns a drifted resource to its baseline, and undoes such a revert. Reads the resource first and
 * acts only when the cloud still shows what the finding saw; a resource type it has no plan for, or a
 * finding that does not show the whole change, gives {@link io.vigil.schemas.ActionStatus#SKIPPED} with why.
 */
public interface DriftReverts {

    /**
     * Plans (dry run) or carries out the revert; executed, the outcome's details record what it replaced
     * ({@code undo.*}) so that {@link #undo} can put it back.
     *
     * @throws io.vigil.responders.action.ActionException when the cloud refuses or cannot be reached
     */
    Outcome revert(DriftDiff diff, ActionContext ctx);

    /** Puts back what a revert replaced, from its ledger entry's details. */
    Outcome undo(String resourceId, Map<String, String> recorded, ActionContext ctx);
}
