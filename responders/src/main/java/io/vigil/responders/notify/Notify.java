package io.vigil.responders.notify;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;

/** Port: tell people a case was opened or moved on (chat, ticketing, pager adapters plug in here). */
public interface Notify {

    Outcome caseEvent(CaseEvent event, ActionContext ctx);
}
