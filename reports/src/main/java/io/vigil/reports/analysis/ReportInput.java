package io.vigil.reports.analysis;

import io.vigil.reports.baseline.BaselineSummary;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import java.time.Instant;
import java.util.List;

/**
 * Everything a report is computed from, already read from the topics: the findings in the range, the
 * ledger entries of their actions, and the baseline summary. No Kafka types, so reports can be tested
 * (and rendered) from memory.
 */
public record ReportInput(TimeRange range, Instant generatedAt, List<Finding> findings, List<ResponseAction> actions,
                          BaselineSummary baseline, List<SourceStats> sources) {}
