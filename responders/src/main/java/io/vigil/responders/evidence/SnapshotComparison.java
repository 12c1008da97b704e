package io.vigil.responders.evidence;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;

/**
 * Port: what changed on the disks of the instances a finding's snapshots preserved. Each incident snapshot is
 * compared with the last earlier snapshot of the same volume (its baseline: which blocks changed) and the
 * changed blocks with the same blocks of the finding's other incident snapshots (its peers: which changes are
 * this instance's alone). The result is recorded with the finding's case; nothing in the cloud changes.
 */
public interface SnapshotComparison {

    /** @throws io.vigil.responders.action.ActionException when the snapshots cannot be read */
    Outcome compare(String instanceId, ActionContext ctx);
}
