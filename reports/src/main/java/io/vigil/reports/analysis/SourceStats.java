package io.vigil.reports.analysis;

/** What was read from one topic: records decoded, and records skipped because they could not be decoded. */
public record SourceStats(String topic, boolean exists, long records, long unreadable) {}
