package io.vigil.responders.action;

/**
 * An action that could not be carried out. {@code retryable} tells whether trying again later may
 * succeed (throttling, a 5xx, a network error) or not (access denied, no such resource).
 */
public final class ActionException extends RuntimeException {
    private final boolean retryable;

    public ActionException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
