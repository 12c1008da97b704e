package io.vigil.reports.analysis;

import io.vigil.schemas.Severity;
import java.time.Instant;
import java.util.Map;

/** What one detector raised in the range: totals per severity, first and last event, time to detect. */
public record DetectorRow(String detector, long total, Map<Severity, Long> bySeverity, Instant firstEvent, Instant lastEvent,
                          DurationStats timeToDetect) {}
