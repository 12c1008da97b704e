package io.vigil.responders.evidence;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;

/** Port: preserve the disks of an instance as point-in-time snapshots, before anyone changes them. */
public interface Snapshots {

    /**
     * Snapshots every EBS volume attached to the instance, tagged with the case and finding, and waits
     * (within the step's timeout) until they complete. Volumes already snapshotted for this finding are
     * not snapshotted again.
     *
     * @throws io.vigil.responders.action.ActionException when the cloud refuses, cannot be reached, or the
     *                                                    snapshots do not complete in time
     */
    Outcome snapshotVolumes(String instanceId, ActionContext ctx);
}
