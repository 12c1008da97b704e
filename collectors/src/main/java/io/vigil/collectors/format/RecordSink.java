package io.vigil.collectors.format;

/** Receives, in input order, what a {@link FormatReader} decodes and what it rejects. */
public interface RecordSink {
    void accept(Collected<?> record);

    void reject(Rejected rejected);

    /** Whether the content may still grow at its end, so that a last line without newline must be held back (see {@code Input#mayGrow}). */
    default boolean tailMayGrow() {
        return false;
    }

    /** A last line without newline was held back, not read: {@code bytes} long, at {@code position}. */
    default void heldBack(String position, long bytes) {}
}
