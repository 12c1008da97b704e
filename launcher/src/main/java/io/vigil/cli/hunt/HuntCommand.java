package io.vigil.cli.hunt;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.schemas.Finding;
import io.vigil.schemas.json.FindingJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "hunt", mixinStandardHelpOptions = true, subcommands = {HuntDiffCommand.class, io.vigil.cli.hunt.search.SearchCommand.class},
        description = "Replays the input topics between two event times through the same detections as live processing, under its own "
                + "application id and state, into its own topic hunt.<id>.findings. Live baselines and findings are untouched. Ctrl-C stops it "
                + "keeping its state; --resume ID finishes it with the same findings as an uninterrupted hunt.")
public final class HuntCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    // Checked in call(), not by picocli: "vigil hunt diff" must not need the parent's options.
    @Option(names = "--from", paramLabel = "TIME", description = "Start of the range (event time, ISO-8601 UTC, inclusive). Required unless --resume.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the range (exclusive). Default: now.")
    Instant to;

    @Option(names = "--detectors", split = ",", paramLabel = "GLOB", description = "Only these detectors (globs such as audit.*). Default: all.")
    List<String> detectors;

    @Option(names = "--id", paramLabel = "ID", description = "Name of the hunt (its topic is hunt.<id>.findings). Default: hunt-<time>.")
    String id;

    @Option(names = "--baseline-at", paramLabel = "TIME", description = "Start from the baselines as published to baseline.snapshots at TIME "
            + "(principal profiles and configuration baselines; flows and hosts are learned from the range).")
    Instant baselineAt;

    @Option(names = "--resume", paramLabel = "ID", description = "Continue the cancelled hunt ID (same --data-dir) where it stopped.")
    String resume;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the hunt's findings as JSON lines.")
    Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M", description = "How long the hunt may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-progress", description = "No progress line on the terminal (it is shown only on a terminal anyway).")
    boolean noProgress;

    /** Exit status of a hunt stopped by Ctrl-C (128 + SIGINT, as shells report it). */
    static final int CANCELLED = 130;

    @Override
    public Integer call() throws Exception {
        HuntSpec spec = resume != null ? null : spec();
        if (resume != null && (from != null || to != null || detectors != null || id != null || baselineAt != null)) {
            throw new IllegalArgumentException("--resume ID takes the range, detectors, baseline and id of the hunt it resumes; "
                    + "drop --from, --to, --detectors, --baseline-at and --id");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<HuntRun> running = new AtomicReference<>();
        // Ctrl-C: the hunt closes its streams app cleanly (offsets and state committed) before the JVM exits
        Thread onInterrupt = new Thread(() -> {
            HuntRun r = running.get();
            if (r != null) {
                r.cancel();
                try {
                    stopped.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "vigil-hunt-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            HuntRun run = new HuntRun(runtime, timeout);
            if (!noProgress) {
                run.withProgressOnTerminal();
            }
            running.set(run);
            List<Finding> findings = resume != null ? run.resume(resume) : run.run(spec);
            String name = resume != null ? resume : spec.id();
            if (!run.seeded().isEmpty()) {
                System.out.printf("hunt %s: baselines published at or before %s: %s%n", name, baselineAt, run.seeded());
            }
            if (out != null) {
                Files.write(out, findings.stream().map(FindingJson::toJson).toList());
            }
            Map<String, Long> byDetector = findings.stream().collect(Collectors.groupingBy(Finding::getDetector, TreeMap::new, Collectors.counting()));
            System.out.printf("hunt %s: %d findings %s -> topic %s%n", name, findings.size(), byDetector, HuntRun.topicOf(name));
            findings.stream().limit(20).forEach(f -> System.out.printf("  finding %s %s %s %s%n", f.getEventTime(), f.getSeverity(), f.getDetector(), f.getId()));
            return 0;
        } catch (HuntRun.Cancelled e) {
            System.err.println(e.getMessage());
            return CANCELLED;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C: the hook is running and has just been released
            }
        }
    }

    private HuntSpec spec() {
        if (from == null) {
            throw new IllegalArgumentException("missing required option --from=TIME (ISO-8601 UTC, e.g. 2024-08-01T00:00:00Z), or --resume ID");
        }
        return new HuntSpec(id != null ? id : "hunt-" + Instant.now().getEpochSecond(), from, to == null ? Instant.now() : to, detectors, List.of(), baselineAt);
    }
}
