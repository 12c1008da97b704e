package io.vigil.responders.playbook;

/** What a playbook does after a step fails: stop (later steps are recorded as skipped) or continue. */
public enum OnFailure {
    STOP, CONTINUE
}
