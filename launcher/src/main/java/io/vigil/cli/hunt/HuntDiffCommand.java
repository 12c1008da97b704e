package io.vigil.cli.hunt;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.schemas.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Runs two hunts over the same range, A with the --detectors given and B without the --without ones,",
                "and shows which findings B adds or loses: the effect of a detector change, measured, not guessed."})
public final class HuntDiffCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start of the range (event time, ISO-8601 UTC, inclusive).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the range (exclusive). Default: now.")
    Instant to;

    @Option(names = "--detectors", split = ",", paramLabel = "GLOB", description = "Detectors of run A (globs). Default: all.")
    List<String> detectors;

    @Option(names = "--without", split = ",", required = true, paramLabel = "GLOB", description = "Detectors run B leaves out (globs).")
    List<String> without;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M", description = "How long each run may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        Instant end = to == null ? Instant.now() : to;
        String base = "diff-" + Instant.now().getEpochSecond();
        HuntSpec a = new HuntSpec(base + "-a", from, end, detectors, List.of());
        HuntSpec b = new HuntSpec(base + "-b", from, end, detectors, without);
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            HuntRun run = new HuntRun(runtime, timeout);
            Map<String, Finding> inA = byId(run.run(a));
            Map<String, Finding> inB = byId(run.run(b));
            Set<String> lost = inA.keySet().stream().filter(k -> !inB.containsKey(k)).collect(Collectors.toCollection(java.util.TreeSet::new));
            Set<String> added = inB.keySet().stream().filter(k -> !inA.containsKey(k)).collect(Collectors.toCollection(java.util.TreeSet::new));
            System.out.printf("hunt diff over [%s, %s): A %d findings, B (without %s) %d findings: %d lost, %d added%n",
                    from, end, inA.size(), without, inB.size(), lost.size(), added.size());
            lost.forEach(k -> print("-", inA.get(k)));
            added.forEach(k -> print("+", inB.get(k)));
            return 0;
        }
    }

    private static Map<String, Finding> byId(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::getId, Function.identity(), (x, y) -> x));
    }

    private static void print(String sign, Finding f) {
        System.out.printf("%s %s %s %s %s%n", sign, f.getDetector(), f.getSeverity(), f.getId(), f.getSummary().replaceAll("\\p{Cntrl}", "?"));
    }
}
