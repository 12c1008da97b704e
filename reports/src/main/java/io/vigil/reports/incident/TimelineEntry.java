package io.vigil.reports.incident;

import java.time.Instant;

/** One line of a case's timeline: when, what kind of fact (event, finding, action, approval, custody), who, what, and the detail. */
public record TimelineEntry(Instant at, String kind, String who, String what, String detail) {}
