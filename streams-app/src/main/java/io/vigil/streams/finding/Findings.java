package io.vigil.streams.finding;

import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.SourceRef;
import java.time.Instant;
import java.util.List;

/** Turns a {@link Detection} and the records behind it into the finding that goes on the topic. */
public final class Findings {
    private Findings() {}

    public static Finding of(Detection d, Instant eventTime, Instant detectedAt, List<SourceRef> sources) {
        return Finding.newBuilder()
                .setId(FindingIds.of(d.detector(), d.entity(), d.evidenceKey()))
                .setKind(d.kind())
                .setDetector(d.detector())
                .setSeverity(d.severity())
                .setEntity(d.entity())
                .setEntityType(d.entityType())
                .setAccount(d.account())
                .setEventTime(eventTime)
                .setDetectedAt(detectedAt)
                .setAttack(d.attack())
                .setSummary(d.summary())
                .setEvidence(new Evidence(d.observed(), d.baseline(), d.reason()))
                .setSources(sources)
                .setTags(d.tags())
                .build();
    }
}
