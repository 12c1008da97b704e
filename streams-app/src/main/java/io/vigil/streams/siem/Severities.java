package io.vigil.streams.siem;

import io.vigil.schemas.Severity;

/**
 * Vigil's five severities on each format's scale, in one place so the three mirrors agree.
 *
 * <ul>
 *   <li>OCSF {@code severity_id}: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical (the base
 *       event's enum; 6 Fatal is never used, nothing Vigil sees stops a system).</li>
 *   <li>ECS {@code event.severity}: "numeric, according to your event source"; Vigil uses the OCSF ids
 *       so a SIEM fed both mirrors compares like with like.</li>
 *   <li>CEF header severity 0–10: the CEF bands are 0–3 Low, 4–6 Medium, 7–8 High, 9–10 Very-High;
 *       INFO sits at the bottom of Low.</li>
 * </ul>
 */
final class Severities {
    private Severities() {}

    static int ocsfId(Severity s) {
        return switch (s) {
            case INFO -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    static String ocsfCaption(Severity s) {
        return switch (s) {
            case INFO -> "Informational";
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
        };
    }

    static int ecs(Severity s) {
        return ocsfId(s);
    }

    static int cef(Severity s) {
        return switch (s) {
            case INFO -> 1;
            case LOW -> 3;
            case MEDIUM -> 5;
            case HIGH -> 8;
            case CRITICAL -> 10;
        };
    }
}
