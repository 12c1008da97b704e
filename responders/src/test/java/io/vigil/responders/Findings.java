package io.vigil.responders;

import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Findings for tests, with only what the responders look at varying. */
public final class Findings {
    private Findings() {}

    public static Finding finding(String id, String detector, Severity severity, String entity) {
        return finding(id, detector, severity, entity, Map.of(), List.of());
    }

    public static Finding finding(String id, String detector, Severity severity, String entity, Map<String, String> observed, List<String> tags) {
        return Finding.newBuilder()
                .setId(id)
                .setKind(detector.startsWith("config.") ? FindingKind.drift : FindingKind.anomaly)
                .setDetector(detector)
                .setSeverity(severity)
                .setEntity(entity)
                .setEntityType("unknown")
                .setAccount("123456789012")
                .setEventTime(Instant.parse("2026-01-01T00:00:00Z"))
                .setDetectedAt(Instant.parse("2026-01-01T00:00:05Z"))
                .setAttack(List.of("T1041"))
                .setSummary(entity + " did something its baseline never did")
                .setEvidence(new Evidence(observed, Map.of(), "unlike the baseline"))
                .setSources(List.of())
                .setTags(tags)
                .build();
    }
}
