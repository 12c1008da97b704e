package io.vigil.reports.incident;

import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import java.time.Instant;
import java.util.List;

/**
 * Everything one case's incident report is made of, already read from the topics: the case's ledger
 * entries ({@code details.case_id}), the findings they answer, the input records those findings cite,
 * the approvals given or refused for its actions, and its chain of custody. No Kafka types.
 */
public record CaseInput(String caseId, Instant generatedAt, List<Finding> findings, List<ResponseAction> actions,
                        List<ResponseApproval> approvals, List<CustodyRecord> custody, List<SourceEvent> events) {}
