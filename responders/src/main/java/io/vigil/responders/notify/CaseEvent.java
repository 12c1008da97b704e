package io.vigil.responders.notify;

import java.util.List;

/**
 * What a person is told about a case: the finding in one sentence and what the playbook did so far.
 * Carries identifiers and the finding's summary only, never raw events or credentials.
 *
 * @param stepsSoFar one line per earlier step of the playbook: step, action, status
 */
public record CaseEvent(String caseId, String findingId, String detector, String severity, String entity,
                        List<String> attack, String summary, String playbook, List<String> stepsSoFar) {

    public CaseEvent {
        attack = List.copyOf(attack);
        stepsSoFar = List.copyOf(stepsSoFar);
    }

    /** One line, for logs and chat: no newlines, whatever the summary holds. */
    public String oneLine() {
        return ("case " + caseId + " [" + severity + "] " + detector + " on " + entity + " (finding " + findingId + "): " + summary
                + " | playbook " + playbook + (stepsSoFar.isEmpty() ? "" : " | " + String.join("; ", stepsSoFar)))
                .replaceAll("[\\r\\n]+", " ");
    }
}
