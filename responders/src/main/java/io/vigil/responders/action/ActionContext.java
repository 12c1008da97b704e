package io.vigil.responders.action;

import java.time.Duration;
import java.time.Instant;

/**
 * Who asks for an action and within which bounds: the case and finding it belongs to (used for tags,
 * so that cloud resources point back to the ledger), the step's idempotency key and its timeout.
 *
 * @param detectedAt when the finding was raised: credentials issued before it are presumed compromised
 */
public record ActionContext(String caseId, String findingId, String playbook, String idempotencyKey,
                            Duration timeout, Instant detectedAt) {}
