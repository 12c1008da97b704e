package io.vigil.collectors.format;

/**
 * A piece of input that could not be decoded: a stable reason code (e.g. {@code malformed_line},
 * {@code bad_field}, {@code truncated_gzip}), a human explanation, the original bytes and where they were.
 */
public record Rejected(String reason, String detail, byte[] payload, String position) {}
