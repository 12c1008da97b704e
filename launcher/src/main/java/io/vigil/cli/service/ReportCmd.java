package io.vigil.cli.service;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.reports.ReportCommand;
import io.vigil.reports.ReportSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders a report of findings, actions and the baseline for a time range into a folder: HTML, Markdown and CSV.")
public final class ReportCmd implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from", paramLabel = "TIME", description = "Start of the range (event time, ISO-8601 UTC, inclusive). Default: the beginning.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the range (exclusive). Default: now.")
    Instant to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write report.html, report.md and the CSV files into.")
    Path out;

    @Option(names = "--case", paramLabel = "ID", description = {"Instead, the incident report of one case (e.g. case-1a2b3c4d5e6f7a8b): timeline of events,",
            "findings, actions, approvals and custody records, as incident-ID.html, .md and CSV."})
    String caseId;

    @Override
    public Integer call() throws Exception {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
        }
        if (caseId != null && (from != null || to != null)) {
            throw new IllegalArgumentException("--case ID reports the whole case; drop --from and --to");
        }
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            if (caseId != null) {
                List<Path> files = new ReportCommand(runtime.clientProps(), runtime.wire()).renderCase(caseId, out);
                System.out.println("incident report of " + caseId + ": " + files);
                return 0;
            }
            ReportSummary summary = new ReportCommand(runtime.clientProps(), runtime.wire()).render(Optional.ofNullable(from), Optional.ofNullable(to), out);
            System.out.println("report: " + summary);
            return 0;
        }
    }
}
