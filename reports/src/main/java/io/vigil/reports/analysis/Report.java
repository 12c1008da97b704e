package io.vigil.reports.analysis;

import io.vigil.reports.baseline.BaselineSummary;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A computed report, ready for any renderer: every table and series the formats show. */
public record Report(TimeRange range, Instant generatedAt, List<SourceStats> sources, List<FindingRow> findings,
                     Map<Severity, Long> bySeverity, List<DetectorRow> detectors, List<Tally> topEntities, long distinctEntities,
                     List<Tally> accounts, List<ActionRow> actions, List<OutcomeRow> outcomes, DurationStats timeToDetect,
                     DurationStats timeToRespond, Timeline timeline, BaselineSummary baseline) {

    /** Entities listed by name; the rest are counted in {@link #distinctEntities}. */
    public static final int TOP_ENTITIES = 25;
    /** Hosts listed in the HTML and Markdown pages; the CSV lists all. */
    public static final int HOSTS_SHOWN = 100;

    public List<FindingRow> drift() {
        return findings.stream().filter(r -> r.finding().getKind() == FindingKind.drift).toList();
    }
}
