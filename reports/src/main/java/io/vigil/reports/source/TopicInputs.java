package io.vigil.reports.source;

import io.vigil.reports.analysis.ReportInput;
import io.vigil.reports.analysis.SourceStats;
import io.vigil.reports.analysis.TimeRange;
import io.vigil.reports.baseline.BaselineSummary;
import io.vigil.reports.baseline.InventoryBaseline;
import io.vigil.reports.baseline.PrincipalBaseline;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a report's input from the topics. Only what the report shows is kept in memory: findings in
 * the range, the ledger entries of those findings, and running baseline summaries (audit events and
 * inventory rows are folded as they stream past).
 */
public final class TopicInputs {
    private TopicInputs() {}

    public static ReportInput read(TopicReader reader, TimeRange range, Instant generatedAt) {
        List<Finding> findings = new ArrayList<>();
        SourceStats findingStats = reader.read(Topics.FINDINGS, f -> {
            if (range.contains(f.getEventTime())) {
                findings.add(f);
            }
        });
        Set<String> ids = new HashSet<>();
        findings.forEach(f -> ids.add(f.getId()));
        List<ResponseAction> actions = new ArrayList<>();
        SourceStats actionStats = reader.read(Topics.RESPONSE_ACTIONS, a -> {
            if (ids.contains(a.getFindingId())) {
                actions.add(a);
            }
        });
        InventoryBaseline inventory = new InventoryBaseline();
        SourceStats inventoryStats = reader.read(Topics.INVENTORY_HOST, inventory::add);
        PrincipalBaseline principals = new PrincipalBaseline();
        SourceStats auditStats = reader.read(Topics.AUDIT_EVENTS, principals::add);
        return new ReportInput(range, generatedAt, findings, actions, new BaselineSummary(inventory.summary(), principals.summary()),
                List.of(findingStats, actionStats, inventoryStats, auditStats));
    }
}
