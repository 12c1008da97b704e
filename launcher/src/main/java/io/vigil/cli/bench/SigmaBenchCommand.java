package io.vigil.cli.bench;

import io.vigil.streams.bench.SigmaBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sigma", mixinStandardHelpOptions = true,
        description = {"Sigma matching throughput (no Kafka) over synthetic CloudTrail events: one rule, then every shipped rule",
                "(and the rules in --rules folders), measured in the same run. Prints both rates and 'ratio all/1' (goal >= 0.7)."})
final class SigmaBenchCommand implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "2000000", paramLabel = "N", description = "Events matched per configuration (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load the Sigma rule files (.yml) in this folder; repeatable.")
    List<Path> rules = List.of();

    @Override
    public Integer call() {
        if (events < 10_000 || events > 1_000_000_000) {
            throw new IllegalArgumentException("--events " + events + ": expected 10000 to 1000000000");
        }
        for (Path dir : rules) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--rules " + dir + ": not a folder");
            }
        }
        SigmaBench.run(events, rules).lines().forEach(System.out::println);
        return 0;
    }
}
