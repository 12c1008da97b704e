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
 * <p>One finding per principal, call, outcome and window ({@link SensitiveCallSettings#windowMillis()}): repeats update it
 * (same id, re-sent) with their count, first and last time and source addresses, as a scripted attempt against thirty
 * instances is one act, not thirty.
 *
 * <p>Pure: no Kafka types, no clock; the same event always gives the same verdict.
 */
public final class SensitiveCallDetector {
    public static final String NAME = "audit.sensitive_call";

    private SensitiveCallDetector() {}

    public static Optional<Detection> score(AuditEvent e) {
        return SensitiveCallCatalogue.lookup(e).map(call -> detection(call, e));
    }

    /** What makes two occurrences one finding: the same call, outcome and severity (so the same catalogue entry). */
    static String repeatKey(Detection d) {
        return d.observed().get("event_source") + ":" + d.observed().get("event_name") + ":" + d.observed().get("outcome") + ":" + d.severity();
    }

    /** The finding for a window of repeats, after the latest one: the first occurrence's id, the count, when and from where. */
    static Detection repeated(Detection latest, SensitiveCallRepeats.Repeat r) {
        if (r.count() <= 1) {
            return latest;
        }
        Map<String, String> observed = new LinkedHashMap<>(latest.observed());
        observed.put("count", Long.toString(r.count()));
        observed.put("first_seen", java.time.Instant.ofEpochMilli(r.firstSeen()).toString());
        observed.put("last_seen", java.time.Instant.ofEpochMilli(r.lastSeen()).toString());
        observed.put("source_ips", String.join(",", r.addresses()));
        observed.put("first_event_id", r.firstEventId());
        String summary = latest.summary() + " Repeated " + r.count() + " times between " + observed.get("first_seen") + " and "
                + observed.get("last_seen") + ".";
        return new Detection(latest.detector(), latest.kind(), latest.severity(), latest.entity(), latest.entityType(), latest.account(),
                latest.attack(), summary, observed, latest.baseline(), latest.reason(), r.firstEventId(), latest.tags());
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
