package io.vigil.responders.evidence;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import java.time.Instant;

/**
 * Port: preserve evidence untouched for a legal hold. Snapshots locked against deletion; log objects put under
 * S3 Object Lock legal hold (only in buckets created with Object Lock: elsewhere there is no hold to put).
 * Both are idempotent: what is already held is left as it is and counted.
 */
public interface LegalHold {

    /** Locks every snapshot taken for the finding ({@code vigil:finding}) against deletion. */
    Outcome lockSnapshots(String instanceId, ActionContext ctx);

    /** Puts a legal hold on the configured log objects written in {@code [from, to]}: the finding's time, with a margin. */
    Outcome holdLogs(Instant from, Instant to, ActionContext ctx);
}
