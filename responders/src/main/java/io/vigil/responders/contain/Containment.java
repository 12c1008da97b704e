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

    /**
     * Puts back what an isolation replaced, as recorded in its ledger entry's details: the security groups
     * (per interface on multi-homed instances), the instance profile, the termination protection. An
     * instance already back in that state gives {@link io.vigil.schemas.ActionStatus#SKIPPED}.
     *
     * @param recorded the {@code details} of the {@code instance.contain} entry that changed the instance
     */
    Outcome restoreInstance(String instanceId, java.util.Map<String, String> recorded, ActionContext ctx);

    /** Stops (never terminates) the instance; one already stopping or stopped gives SKIPPED. */
    Outcome stopInstance(String instanceId, ActionContext ctx);

    /** The instance's tags, for the playbooks' tag scope; empty when they cannot be read. */
    java.util.Map<String, String> tags(String instanceId);
}
