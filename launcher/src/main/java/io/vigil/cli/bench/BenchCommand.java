package io.vigil.cli.bench;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.streams.bench.FlowBench;
import io.vigil.streams.bench.FlowBenchResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks, reported as ratios measured in one run (this machine is noisy).",
        subcommands = {BenchCommand.Flows.class, CollectBenchCommand.class, SigmaBenchCommand.class, RespondBenchCommand.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "flows", mixinStandardHelpOptions = true,
            description = {"The full flow topology (baselines and every flow detector, exactly-once) against a plain consumer over",
                    "the same synthetic flow records on the same broker, each measured once warm (the topology after up to 8",
                    "warm-up passes, until the JIT compiles for under 5%% of one): both rates, the CPU time per record, the JIT",
                    "time in the measured pass, state bytes per entity, p50/p99 latency from record append to finding at half",
                    "the measured rate, and, last, 'ratio streams/consumer'."})
    static final class Flows implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--records", defaultValue = "2000000", paramLabel = "N", description = "Flow records to generate (default: ${DEFAULT-VALUE}).")
        long records;

        @Override
        public Integer call() {
            if (records < 1000 || records > 100_000_000) {
                throw new IllegalArgumentException("--records " + records + ": expected 1000 to 100000000");
            }
            try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
                FlowBenchResult result = FlowBench.run(runtime.clientProps(), runtime.wire(), records);
                result.lines().forEach(System.out::println);
                return 0;
            }
        }
    }
}
