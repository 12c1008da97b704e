package io.vigil.responders.notify;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import java.util.Map;

/** Dry run: records the case event that would be sent, sends nothing. */
public final class DryRunNotify implements Notify {

    @Override
    public Outcome caseEvent(CaseEvent event, ActionContext ctx) {
        return Outcome.planned("would write case event: " + event.oneLine(), Map.of("case_id", event.caseId()));
    }
}
