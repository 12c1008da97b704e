package io.vigil.responders.kafka;

import io.vigil.responders.cases.CaseTimeline;
import io.vigil.responders.ledger.Ledger;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one case from the topics: the ledger and approvals, its custody chain, and the findings its entries name. */
public final class CaseReader {
    private CaseReader() {}

    public static CaseTimeline read(Map<String, Object> kafkaProps, WireFormat wire, String caseId) {
        Ledger ledger = LedgerReader.read(kafkaProps, wire);
        Set<String> ids = new HashSet<>();
        ledger.caseEntries(caseId).forEach(e -> ids.add(e.getFindingId()));
        List<Finding> findings = new ArrayList<>();
        if (!ids.isEmpty()) {
            // the findings topic is keyed by entity, not case: scanned once, keeping only this case's findings
            LedgerReader.readTo(kafkaProps, wire, Topics.FINDINGS, Finding.class, f -> {
                if (ids.contains(f.getId())) {
                    findings.removeIf(g -> g.getId().equals(f.getId())); // a finding re-sent keeps its latest form
                    findings.add(f);
                }
            });
        }
        return CaseTimeline.of(caseId, ledger, CustodyLog.chains(kafkaProps, wire).getOrDefault(caseId, List.of()), findings);
    }
}
