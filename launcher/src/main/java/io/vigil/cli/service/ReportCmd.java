package io.vigil.cli.service;

import io.vigil.cli.collect.AwsOptions;
import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.reports.ReportCommand;
import io.vigil.reports.ReportSummary;
import io.vigil.reports.schedule.FolderSink;
import io.vigil.reports.schedule.Period;
import io.vigil.reports.schedule.ReportSink;
import io.vigil.reports.schedule.S3Sink;
import io.vigil.reports.schedule.ScheduledReports;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders a report of findings, actions and the baseline for a time range into a folder: HTML, Markdown and CSV. "
                + "--case ID: the incident report of one case instead. --schedule daily|weekly: keeps running and writes each period's "
                + "report once it has closed, to a folder or to s3://bucket/prefix.")
public final class ReportCmd implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCmd.class);
    /** After a failed run (broker or S3 unreachable), try again this soon rather than at the next period. */
    private static final Duration RETRY = Duration.ofMinutes(1);

    @Mixin
    KafkaOptions kafka;

    @Mixin
    AwsOptions aws;

    @Option(names = "--from", paramLabel = "TIME", description = "Start of the range (event time, ISO-8601 UTC, inclusive). Default: the beginning.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the range (exclusive). Default: now.")
    Instant to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write report.html, report.md and the CSV files into; "
            + "with --schedule, a folder or s3://bucket/prefix (each period under its name, e.g. 2024-08-18 or 2024-W33).")
    String out;

    @Option(names = "--case", paramLabel = "ID", description = "Instead, the incident report of one case (e.g. case-1a2b3c4d5e6f7a8b): timeline of events, "
            + "findings, actions, approvals and custody records, as incident-ID.html, .md and CSV.")
    String caseId;

    @Option(names = "--schedule", paramLabel = "daily|weekly", description = "Keep running; write each UTC day's or ISO week's report when it closes.")
    String schedule;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "With --schedule: wait this long after a period closes for late records (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Override
    public Integer call() throws Exception {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
        }
        if ((caseId != null || schedule != null) && (from != null || to != null)) {
            throw new IllegalArgumentException((caseId != null ? "--case ID reports the whole case" : "--schedule reports each period")
                    + "; drop --from and --to");
        }
        if (caseId != null && schedule != null) {
            throw new IllegalArgumentException("--case and --schedule are alternatives; give one");
        }
        if (schedule == null && ReportSink.isS3(out)) {
            throw new IllegalArgumentException("--out " + out + ": S3 is for --schedule; a one-off report goes to a folder");
        }
        Period period = schedule == null ? null : Period.parse(schedule);
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            ReportCommand reports = new ReportCommand(runtime.clientProps(), runtime.wire());
            if (caseId != null) {
                System.out.println("incident report of " + caseId + ": " + reports.renderCase(caseId, Path.of(out)));
                return 0;
            }
            if (period != null) {
                return scheduled(reports, period);
            }
            ReportSummary summary = reports.render(Optional.ofNullable(from), Optional.ofNullable(to), Path.of(out));
            System.out.println("report: " + summary);
            return 0;
        }
    }

    private int scheduled(ReportCommand reports, Period period) throws InterruptedException {
        S3Client s3 = ReportSink.isS3(out) ? aws.clients().s3() : null;
        ReportSink sink = s3 != null ? new S3Sink(s3, out) : new FolderSink(Path.of(out));
        ScheduledReports schedule = new ScheduledReports(reports, period, grace, sink, Clock.systemUTC());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(30, TimeUnit.SECONDS); // let a report being written finish
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigil-report-schedule-stop"));
        try {
            System.out.printf("report: %s reports to %s, each once its period has closed and %s passed%n", period.name().toLowerCase(), out, grace);
            do {
                Duration wait;
                try {
                    schedule.runDue().ifPresent(files -> System.out.println("report: wrote " + files));
                    wait = Duration.between(Instant.now(), schedule.nextDue());
                } catch (RuntimeException e) {
                    LOG.warn("scheduled report failed, trying again in {}: {}", RETRY, e.toString());
                    wait = RETRY;
                }
                if (stop.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } while (true);
            return 0;
        } finally {
            if (s3 != null) {
                s3.close();
            }
            stopped.countDown();
        }
    }
}
