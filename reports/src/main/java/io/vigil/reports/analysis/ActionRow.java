package io.vigil.reports.analysis;

import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Approval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One response action (one idempotency key) with its outcome: the ledger holds one entry per status
 * change, this is the latest status, the first request time and every approval recorded on the way.
 */
public record ActionRow(String key, String findingId, String detector, String playbook, String step, String actionType, String target,
                        ActionStatus status, boolean dryRun, Instant requestedAt, Optional<Instant> completedAt, Optional<String> error,
                        List<Approval> approvals, String plan) {}
