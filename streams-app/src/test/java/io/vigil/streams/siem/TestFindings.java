package io.vigil.streams.siem;

import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Findings shaped like the detectors' own, for the mapper and mirror tests. */
final class TestFindings {
    static final Instant EVENT_TIME = Instant.parse("2024-08-18T13:01:07Z");
    static final Instant DETECTED_AT = Instant.parse("2024-08-18T13:05:00Z");

    private TestFindings() {}

    /** {@code flow.port_scan} by an instance, outbound, as the flow detectors write it. */
    static Finding portScan() {
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("local_address", "10.0.1.5");
        observed.put("peer", "10.0.2.9");
        observed.put("direction", "outbound");
        observed.put("distinct_ports", "40");
        Map<String, String> baseline = new LinkedHashMap<>();
        baseline.put("known_peer_services", "3");
        baseline.put("threshold_distinct_ports", "20");
        return base("flow.port_scan", FindingKind.anomaly, Severity.HIGH, "i-0abc123", "instance")
                .setAttack(List.of("T1046"))
                .setSummary("i-0abc123 probed 40 ports of 10.0.2.9 within PT30S (38 of 40 probes refused).")
                .setEvidence(new Evidence(observed, baseline, "Scanning from a workload means something on it is mapping targets."))
                .setTags(List.of("flow", "playbook:compromised-instance"))
                .build();
    }

    /** {@code audit.sensitive_call} by a principal from an IPv6 address, with a sub-technique. */
    static Finding sensitiveCall() {
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("event_name", "StopLogging");
        observed.put("source_ip", "2001:db8::7");
        observed.put("region", "eu-west-1");
        return base("audit.sensitive_call", FindingKind.anomaly, Severity.CRITICAL, "arn:aws:iam::123456789012:user/mallory", "principal")
                .setAttack(List.of("T1562.008", "T1562.008", "not-a-technique"))
                .setSummary("arn:aws:iam::123456789012:user/mallory called StopLogging from 2001:db8::7; the call stops audit logging.")
                .setEvidence(new Evidence(observed, Map.of("expected", "never outside an approved change"), "it succeeded."))
                .setSources(List.of(new SourceRef("audit.events", 1, 42L, "e-1")))
                .build();
    }

    /** {@code drift.config} of a security group, as the drift detector writes it. */
    static Finding drift() {
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("ipPermissions[0].ipRanges[0]", "0.0.0.0/0");
        observed.put("changed_settings", "1");
        observed.put("resource_type", "AWS::EC2::SecurityGroup");
        Map<String, String> baseline = new LinkedHashMap<>();
        baseline.put("ipPermissions[0].ipRanges[0]", "10.0.0.0/8");
        baseline.put("baseline_captured", "2024-08-01T00:00:00Z");
        return base("drift.config", FindingKind.drift, Severity.MEDIUM, "sg-0123", "resource")
                .setAttack(List.of("T1578"))
                .setSummary("AWS::EC2::SecurityGroup sg-0123 drifted from its baseline in 1 setting(s)")
                .setEvidence(new Evidence(observed, baseline, "the configuration no longer matches the reviewed baseline"))
                .setTags(List.of("playbook:configuration-drift"))
                .build();
    }

    /** Every attacker-influenced string full of what breaks line and key=value formats. */
    static Finding hostile() {
        String nasty = "a|b=c\\d\ne\rf | cs1=forged\r\nCEF:0|x";
        return base("flow.volume", FindingKind.anomaly, Severity.LOW, "eni-1|x=y\\z\n/10.0.0.1", "interface")
                .setSummary("summary " + nasty)
                .setEvidence(new Evidence(Map.of("k=|\\\n", nasty), Map.of(), "reason " + nasty))
                .setSources(List.of(new SourceRef("flows.raw", 0, 7L, nasty)))
                .build();
    }

    static Finding.Builder base(String detector, FindingKind kind, Severity severity, String entity, String entityType) {
        return Finding.newBuilder()
                .setId(UUID.nameUUIDFromBytes((detector + entity).getBytes(StandardCharsets.UTF_8)).toString())
                .setKind(kind)
                .setDetector(detector)
                .setSeverity(severity)
                .setEntity(entity)
                .setEntityType(entityType)
                .setAccount("123456789012")
                .setEventTime(EVENT_TIME)
                .setDetectedAt(DETECTED_AT)
                .setAttack(List.of())
                .setSummary("")
                .setEvidence(new Evidence(Map.of(), Map.of(), ""))
                .setSources(List.of(new SourceRef("flows.raw", 2, 100L, "eni-1:1723986067000:10.0.1.5:51000")))
                .setTags(List.of());
    }
}
