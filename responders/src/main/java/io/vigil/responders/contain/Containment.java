package io.vigil.responders.contain;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;

/** Port: cut an instance off the network and from its cloud credentials, keeping it for forensics. */
public interface Containment {

    /**
     * Isolates an instance: records its security groups, moves it into the quarantine group of its VPC,
     * detaches its instance profile, tags it and protects it from termination. An instance already in that
     * state gives {@link io.vigil.schemas.ActionStatus#SKIPPED}.
     *
     * @throws io.vigil.responders.action.ActionException when the cloud refuses or cannot be reached
     */
    Outcome isolateInstance(String instanceId, ActionContext ctx);
}
