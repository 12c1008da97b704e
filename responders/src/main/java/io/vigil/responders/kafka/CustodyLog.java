package io.vigil.responders.kafka;

import io.vigil.responders.custody.CustodyChain;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends custody records to {@code custody.records}, chaining each case's records. The last record of every
 * case is read back from the topic at start, so a restarted responder continues the chain. One writer per
 * case is assumed: the responder instance answering the finding (findings are keyed by entity).
 */
public final class CustodyLog {
    private final Map<String, CustodyRecord> last = new HashMap<>();

    /** Reads the topic to its end and remembers each case's last record. */
    public static CustodyLog read(Map<String, Object> kafkaProps, WireFormat wire) {
        CustodyLog log = new CustodyLog();
        LedgerReader.readTo(kafkaProps, wire, Topics.CUSTODY, CustodyRecord.class, r -> log.last.merge(r.getCaseId(), r,
                (a, b) -> b.getSequence() >= a.getSequence() ? b : a));
        return log;
    }

    /** Every case's records as read from the topic, in order, for verification and reports. */
    public static Map<String, List<CustodyRecord>> chains(Map<String, Object> kafkaProps, WireFormat wire) {
        Map<String, List<CustodyRecord>> out = new LinkedHashMap<>();
        LedgerReader.readTo(kafkaProps, wire, Topics.CUSTODY, CustodyRecord.class, r -> out.computeIfAbsent(r.getCaseId(), c -> new ArrayList<>()).add(r));
        return out;
    }

    /** The custody records the ledger entries call for, chained on what came before; remembered as the new last links. */
    public synchronized List<CustodyRecord> recordsFor(List<ResponseAction> entries, String actor) {
        List<CustodyRecord> out = new ArrayList<>();
        for (ResponseAction a : entries) {
            if (CustodyChain.isCustodyEvent(a)) {
                String caseId = a.getDetails().getOrDefault("case_id", "");
                CustodyRecord r = CustodyChain.of(Optional.ofNullable(last.get(caseId)), a, actor);
                last.put(caseId, r);
                out.add(r);
            }
        }
        return out;
    }
}
