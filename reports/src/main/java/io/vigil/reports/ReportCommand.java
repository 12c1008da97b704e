package io.vigil.reports;

import io.vigil.schemas.wire.AvroTrust;

import io.vigil.reports.analysis.Report;
import io.vigil.reports.analysis.ReportAnalyser;
import io.vigil.reports.analysis.ReportInput;
import io.vigil.reports.analysis.TimeRange;
import io.vigil.reports.incident.CaseInput;
import io.vigil.reports.render.CaseWriter;
import io.vigil.reports.source.CaseInputs;
import io.vigil.reports.render.ReportWriter;
import io.vigil.reports.source.TopicInputs;
import io.vigil.reports.source.TopicReader;
import io.vigil.schemas.wire.WireFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code vigil report}: reads the findings, response ledger, inventory and audit topics from the
 * beginning to their current end, and writes HTML, Markdown and CSV for the findings whose event time
 * lies in [from, to).
 */
public final class ReportCommand {
    private final Map<String, Object> kafkaProps;
    private final WireFormat wire;

    /** @param kafkaProps consumer settings (at least bootstrap.servers); any group id is ignored */
    public ReportCommand(Map<String, Object> kafkaProps, WireFormat wire) {
        AvroTrust.ensure();
        this.kafkaProps = Map.copyOf(kafkaProps);
        this.wire = wire;
    }

    /** Writes the incident report of one case (see {@link CaseInputs}) into {@code outDir}; @return the files, HTML first. */
    public List<Path> renderCase(String caseId, Path outDir) {
        if (!caseId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("--case '" + caseId + "': expected a case id such as case-1a2b3c4d5e6f7a8b (letters, digits, '.', '_', '-')");
        }
        CaseInput input;
        try (TopicReader reader = new TopicReader(kafkaProps, wire)) {
            input = CaseInputs.read(reader, caseId, Instant.now());
        }
        return CaseWriter.write(input, outDir);
    }

    public ReportSummary render(Optional<Instant> from, Optional<Instant> to, Path outDir) {
        TimeRange range = new TimeRange(from, to);
        ReportInput input;
        try (TopicReader reader = new TopicReader(kafkaProps, wire)) {
            input = TopicInputs.read(reader, range, Instant.now());
        }
        Report report = ReportAnalyser.analyse(input);
        List<Path> files = ReportWriter.write(report, outDir);
        return new ReportSummary(report.findings().size(), report.actions().size(), files);
    }
}
