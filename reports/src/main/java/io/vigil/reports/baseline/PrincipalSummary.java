package io.vigil.reports.baseline;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The principals seen in the audit trail: how many, of which type, in how many accounts. */
public record PrincipalSummary(long principals, Map<String, Long> byType, long accounts, long events, Optional<Instant> asOf) {}
