package io.vigil.streams.detect.audit;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Severity;
import java.util.List;
import java.util.function.Predicate;

/**
 * One entry of the sensitive-call catalogue: which API call, what it means, how bad it is when it
 * succeeds and when it is denied (an attempt still reveals intent), and its ATT&CK techniques.
 */
record SensitiveCall(String eventSource, String eventName, Predicate<AuditEvent> when, String category,
                     Severity succeeded, Severity denied, List<String> attack, String meaning, String playbook) {

    boolean matches(AuditEvent e) {
        return eventSource.equals(e.getEventSource()) && eventName.equals(e.getEventName()) && when.test(e);
    }
}
