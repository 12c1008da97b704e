package io.vigil.cli.replay;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.progress.ProgressBar;
import io.vigil.collectors.file.FileCollector;
import io.vigil.cli.kafka.KafkaRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays files of any supported format (detected from content) through the whole pipeline and writes every finding as one JSON object per line.",
                "Bad records are dead-lettered, reported and counted, never fatal."})
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Files or folders (recursive): VPC flow logs, CloudTrail, AWS Config, osquery; plain or gzip.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the findings (JSON lines).")
    Path out;

    @Option(names = "--stats", paramLabel = "FILE", description = "Where to write per-file counts (JSON).")
    Path stats;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "How long detection may take after the input is published, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-progress", description = "No progress line on the terminal (it is shown only on a terminal anyway).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        long total = 0;
        for (Path file : FileCollector.expand(inputs)) { // a missing input is named before anything starts
            total += Files.size(file);
        }
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            ReplayPipeline pipeline = new ReplayPipeline(runtime, timeout, Clock.systemUTC());
            ReplayPipeline.Result result;
            try (ProgressBar bar = ProgressBar.onTerminal(pipeline.meter(), total, noProgress)) {
                result = pipeline.run(inputs);
            }
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.write(out, Summary.lines(result.findings()));
            if (stats != null) {
                StatsJson.write(stats, result.files());
            }
            Summary.print(System.out, result, 20);
            System.out.printf("wrote %d findings to %s%n", result.findings().size(), out);
            return 0;
        }
    }
}
