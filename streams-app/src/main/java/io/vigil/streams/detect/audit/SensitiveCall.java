package io.vigil.streams.detect.audit;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Severity;
import java.util.List;
import java.util.function.Predicate;

/**
 * One entry of the sensitive-call catalogue: which API call ({@code *} matches any source or name),
 * under which condition, what it means, how bad it is when it succeeds and when it is denied (an
 * attempt still reveals intent), its ATT&CK techniques and the playbook that answers it.
 */
record SensitiveCall(String eventSource, String eventName, Predicate<AuditEvent> when, String category,
                     Severity succeeded, Severity denied, List<String> attack, String meaning, String playbook) {

    boolean matches(AuditEvent e) {
        return ("*".equals(eventSource) || eventSource.equals(e.getEventSource()))
                && ("*".equals(eventName) || eventName.equals(e.getEventName()) || prefixMatch(e.getEventName()))
                && when.test(e);
    }

    /** Lambda's API names carry a version suffix (UpdateFunctionCode20150331v2): "Name*" matches them. */
    private boolean prefixMatch(String name) {
        return eventName.endsWith("*") && name.startsWith(eventName.substring(0, eventName.length() - 1));
    }

    SensitiveCall when(Predicate<AuditEvent> condition) {
        return new SensitiveCall(eventSource, eventName, when.and(condition), category, succeeded, denied, attack, meaning, playbook);
    }

    SensitiveCall severities(Severity ok, Severity refused) {
        return new SensitiveCall(eventSource, eventName, when, category, ok, refused, attack, meaning, playbook);
    }
}
