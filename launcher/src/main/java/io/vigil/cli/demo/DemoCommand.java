package io.vigil.cli.demo;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.replay.ReplayPipeline;
import io.vigil.cli.replay.Summary;
import io.vigil.cli.simulate.Simulation;
import io.vigil.cli.simulate.WrittenFile;
import io.vigil.reports.ReportCommand;
import io.vigil.reports.ReportSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline on this machine over a generated scenario: embedded Kafka, collectors, detections,",
                "dry-run responders, and a report. Prints the findings and the actions it would take."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--days", defaultValue = "3", paramLabel = "N", description = "Days of ordinary activity before the attack (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "N", description = "Seed of the scenario (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report-dir", defaultValue = "vigil-report", paramLabel = "DIR", description = "Where to write the report (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > 60) {
            throw new IllegalArgumentException("--days " + days + ": expected 1 to 60");
        }
        Path work = kafka.dataDir().toAbsolutePath().resolve("demo");
        if (kafka.bootstrapServers() == null) {
            deleteRecursively(work); // the demo's own embedded cluster starts empty each time
        }
        Path input = work.resolve("input");
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        List<WrittenFile> files = Simulation.demo(input, seed, start, days * 24);
        System.out.printf("demo: generated %d days of CloudTrail, VPC flow logs, AWS Config and osquery results for a small estate, with"
                + " attacks in the last hours (%d files in %s; vigil simulate writes the same)%n", days, files.size(), input);
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka.withDataDir(work.resolve("kafka")))) {
            ReplayPipeline.Result result = new ReplayPipeline(runtime, Duration.ofMinutes(5), Clock.systemUTC()).run(List.of(input));
            Summary.print(System.out, result, 25);
            ReportSummary report = new ReportCommand(runtime.clientProps(), runtime.wire()).render(Optional.empty(), Optional.empty(), reportDir);
            System.out.println("report: " + report);
            System.out.printf("demo: %d findings, %d dry-run actions; open %s%n", result.findings().size(), result.actions().size(),
                    reportDir.resolve("report.html"));
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
