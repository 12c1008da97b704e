package io.vigil.responders.evidence;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;

/** Port: hand the evidence to the forensic account. */
public interface ForensicCopies {

    /**
     * Copies each snapshot taken for this finding of the instance, re-encrypted with the forensic KMS key, and
     * shares the copies with the forensic account. Copies already made and shared are not made again.
     *
     * @throws io.vigil.responders.action.ActionException when there is no snapshot to copy, or the cloud refuses
     */
    Outcome copyToForensics(String instanceId, ActionContext ctx);
}
