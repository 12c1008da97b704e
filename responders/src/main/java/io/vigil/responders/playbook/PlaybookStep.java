package io.vigil.responders.playbook;

import io.vigil.responders.action.ActionType;
import java.time.Duration;

/**
 * One step of a playbook.
 *
 * @param name             unique in its playbook; part of the idempotency key, so renaming a step re-runs it
 * @param requiresApproval in execute mode the step is only recorded as requested until someone approves it
 * @param timeout          how long the step may take, waiting for the cloud included
 */
public record PlaybookStep(String name, ActionType action, StepCondition when, boolean requiresApproval,
                           Duration timeout, OnFailure onFailure) {}
