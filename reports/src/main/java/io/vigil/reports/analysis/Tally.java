package io.vigil.reports.analysis;

import io.vigil.schemas.Severity;

/** How many findings share a key (an entity, an account), and the worst severity among them. */
public record Tally(String key, long count, Severity maxSeverity) {}
