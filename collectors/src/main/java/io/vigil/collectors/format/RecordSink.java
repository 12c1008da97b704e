package io.vigil.collectors.format;

/** Receives, in input order, what a {@link FormatReader} decodes and what it rejects. */
public interface RecordSink {
    void accept(Collected<?> record);

    void reject(Rejected rejected);
}
