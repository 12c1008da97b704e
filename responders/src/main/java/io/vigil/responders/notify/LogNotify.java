package io.vigil.responders.notify;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the case event as one line on the {@code vigil.case} logger, which operators route to their
 * chat or ticketing bridge; the same event is on {@code response.actions} as this step's ledger entry.
 *
 * <p>Why: automated containment must never be silent; people own the case from here (scoping, restore,
 * reporting). Reference: NIST SP 800-61r2 section 2.3.2 (incident notification) and 3.2.7.
 */
public final class LogNotify implements Notify {
    private static final Logger CASES = LoggerFactory.getLogger("vigil.case");

    @Override
    public Outcome caseEvent(CaseEvent event, ActionContext ctx) {
        String line = event.oneLine();
        CASES.warn("{}", line);
        return Outcome.executed("wrote case event: " + line, Map.of("case_id", event.caseId(), "channel", "log:vigil.case"));
    }
}
