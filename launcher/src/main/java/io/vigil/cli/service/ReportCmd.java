package io.vigil.cli.service;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.reports.ReportCommand;
import io.vigil.reports.ReportSummary;
import java.nio.file.Path;
import java.time.Instant;
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

    @Override
    public Integer call() throws Exception {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
        }
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            ReportSummary summary = new ReportCommand(runtime.clientProps(), runtime.wire()).render(Optional.ofNullable(from), Optional.ofNullable(to), out);
            System.out.println("report: " + summary);
            return 0;
        }
    }
}
