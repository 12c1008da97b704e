package io.vigil.collectors.format.vpcflow;

/**
 * Why a flow log record cannot be read: a stable reason code for the dead letter and a sentence
 * naming the field. Thrown once per bad record, so it skips the stack trace it would never need.
 */
final class FlowDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    FlowDecodeException(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
