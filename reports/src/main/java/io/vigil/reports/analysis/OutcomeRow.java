package io.vigil.reports.analysis;

import io.vigil.schemas.ActionStatus;

/** How many actions of one type ended in one status, split by dry run. */
public record OutcomeRow(String actionType, ActionStatus status, boolean dryRun, long count) {}
