package io.vigil.streams.detect.audit;

import static io.vigil.schemas.Severity.HIGH;
import static io.vigil.schemas.Severity.LOW;
import static io.vigil.schemas.Severity.MEDIUM;

import io.vigil.schemas.AuditEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The curated catalogue of control-plane calls that matter on their own, whoever makes them. The
 * first family is defence evasion against the audit trail itself (ATT&CK T1562.008 "Impair Defenses:
 * Disable or Modify Cloud Logs"; GuardDuty Stealth:IAMUser/CloudTrailLoggingDisabled): if an attacker
 * can stop the trail, every later detection is blind.
 */
final class SensitiveCallCatalogue {
    private static final Predicate<AuditEvent> ALWAYS = e -> true;
    private static final List<String> IMPAIR_LOGS = List.of("T1562.008");

    static final List<SensitiveCall> ENTRIES = List.of(
            new SensitiveCall("cloudtrail.amazonaws.com", "StopLogging", ALWAYS, "defense_evasion", HIGH, MEDIUM, IMPAIR_LOGS,
                    "stops CloudTrail from recording API activity", "compromised-credentials"),
            new SensitiveCall("cloudtrail.amazonaws.com", "DeleteTrail", ALWAYS, "defense_evasion", HIGH, MEDIUM, IMPAIR_LOGS,
                    "deletes a CloudTrail trail, ending its audit record", "compromised-credentials"),
            new SensitiveCall("cloudtrail.amazonaws.com", "UpdateTrail", ALWAYS, "defense_evasion", MEDIUM, LOW, IMPAIR_LOGS,
                    "changes where or how a trail records (bucket, regions, validation), which can blind the audit trail", "compromised-credentials"),
            new SensitiveCall("cloudtrail.amazonaws.com", "PutEventSelectors", ALWAYS, "defense_evasion", MEDIUM, LOW, IMPAIR_LOGS,
                    "changes which events a trail records, which can exclude management or data events", "compromised-credentials"),
            new SensitiveCall("ec2.amazonaws.com", "DeleteFlowLogs", ALWAYS, "defense_evasion", HIGH, MEDIUM, IMPAIR_LOGS,
                    "deletes VPC flow logs, blinding network monitoring", "compromised-credentials"));

    private SensitiveCallCatalogue() {}

    static Optional<SensitiveCall> lookup(AuditEvent e) {
        for (SensitiveCall c : ENTRIES) {
            if (c.matches(e)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
