package io.vigil.streams.detect.audit;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.streams.finding.Detection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code audit.sensitive_call}: a control-plane call from the curated catalogue, successful or denied.
 *
 * <p>Why: some calls matter whatever the baseline says — turning off the audit trail (ATT&CK T1562.008,
 * GuardDuty Stealth:IAMUser/CloudTrailLoggingDisabled) blinds every other detection. A denied attempt
 * is reported too, at a lower severity: it shows intent, and attackers probe before they succeed.
 * Playbook: compromised-credentials (contain the principal, preserve the trail).
 *
 * <p>Pure: no Kafka types, no clock; the same event always gives the same verdict.
 */
public final class SensitiveCallDetector {
    public static final String NAME = "audit.sensitive_call";

    private SensitiveCallDetector() {}

    public static Optional<Detection> score(AuditEvent e) {
        return SensitiveCallCatalogue.lookup(e).map(call -> detection(call, e));
    }

    private static Detection detection(SensitiveCall call, AuditEvent e) {
        boolean denied = e.getErrorCode() != null && !e.getErrorCode().isBlank();
        Severity severity = denied ? call.denied() : call.succeeded();
        String who = e.getPrincipalArn() != null ? e.getPrincipalArn() : "an unidentified principal";
        String from = e.getSourceIp() != null ? " from " + e.getSourceIp() : "";
        String summary = denied
                ? who + " tried " + e.getEventName() + from + " (denied: " + e.getErrorCode() + "); the call " + call.meaning() + "."
                : who + " called " + e.getEventName() + from + "; the call " + call.meaning() + ".";
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("event_id", e.getEventId());
        observed.put("event_source", e.getEventSource());
        observed.put("event_name", e.getEventName());
        observed.put("outcome", denied ? "denied" : "succeeded");
        put(observed, "error_code", e.getErrorCode());
        put(observed, "source_ip", e.getSourceIp());
        put(observed, "user_agent", e.getUserAgent());
        put(observed, "region", e.getAwsRegion());
        put(observed, "principal_type", e.getPrincipalType());
        put(observed, "access_key_id", e.getAccessKeyId());
        put(observed, "request_parameters", e.getRequestParameters());
        Map<String, String> expectation = new LinkedHashMap<>();
        expectation.put("rule", "catalogue entry " + call.eventSource() + ":" + call.eventName() + " (" + call.category() + ")");
        expectation.put("expected", "never outside an approved change");
        return new Detection(NAME, FindingKind.anomaly, severity, who, "principal",
                e.getRecipientAccount() != null ? e.getRecipientAccount() : e.getPrincipalAccount(),
                call.attack(), summary, observed, expectation,
                "The call " + call.meaning() + "; " + (denied ? "a denied attempt still shows intent to evade detection." : "it succeeded."),
                e.getEventId(), List.of(call.category(), "playbook:" + call.playbook()));
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
