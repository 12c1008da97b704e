package io.vigil.schemas.wire;

/** Bytes that cannot be framed or unframed; the message says why, never the payload. */
public class WireFormatException extends RuntimeException {
    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public WireFormatException(String message) {
        super(message);
    }
}
