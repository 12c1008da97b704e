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
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "hunt", mixinStandardHelpOptions = true, subcommands = {HuntDiffCommand.class, io.vigil.cli.hunt.search.SearchCommand.class},
        description = {"Replays the input topics between two event times through the same detections as live processing,",
                "under its own application id and state, into its own topic hunt.<id>.findings. Live baselines and findings are untouched."})
public final class HuntCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    // Checked in call(), not by picocli: "vigil hunt diff" must not need the parent's options.
    @Option(names = "--from", paramLabel = "TIME", description = "Start of the range (event time, ISO-8601 UTC, inclusive). Required.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the range (exclusive). Default: now.")
    Instant to;

    @Option(names = "--detectors", split = ",", paramLabel = "GLOB", description = "Only these detectors (globs such as audit.*). Default: all.")
    List<String> detectors;

    @Option(names = "--id", paramLabel = "ID", description = "Name of the hunt (its topic is hunt.<id>.findings). Default: hunt-<time>.")
    String id;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the hunt's findings as JSON lines.")
    Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M", description = "How long the hunt may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        if (from == null) {
            throw new IllegalArgumentException("missing required option --from=TIME (ISO-8601 UTC, e.g. 2024-08-01T00:00:00Z)");
        }
        Instant end = to == null ? Instant.now() : to;
        if (!from.isBefore(end)) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + end);
        }
        String name = id != null ? id : "hunt-" + Instant.now().getEpochSecond();
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            List<Finding> findings = new HuntRun(runtime, timeout).run(name, from, end, globs(detectors));
            if (out != null) {
                Files.write(out, findings.stream().map(FindingJson::toJson).toList());
            }
            Map<String, Long> byDetector = findings.stream().collect(Collectors.groupingBy(Finding::getDetector, TreeMap::new, Collectors.counting()));
            System.out.printf("hunt %s: %d findings in [%s, %s) %s -> topic %s%n", name, findings.size(), from, end, byDetector, HuntRun.topicOf(name));
            findings.stream().limit(20).forEach(f -> System.out.printf("  finding %s %s %s %s%n", f.getEventTime(), f.getSeverity(), f.getDetector(), f.getId()));
            return 0;
        }
    }

    /** A predicate over detector names from globs ({@code *} matches any run of characters); none means all. */
    static Predicate<String> globs(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return d -> true;
        }
        List<Pattern> compiled = patterns.stream().map(String::strip)
                .map(g -> Pattern.compile(java.util.Arrays.stream(g.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")))).toList();
        return d -> compiled.stream().anyMatch(p -> p.matcher(d).matches());
    }
}
