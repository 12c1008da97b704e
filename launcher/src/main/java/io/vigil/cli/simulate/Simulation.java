package io.vigil.cli.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * Writes a simulated estate's logs: VPC flow logs, CloudTrail, AWS Config history and osquery
 * results, with the chosen attacks injected. Each writer draws from its own random stream derived
 * from the seed, so a seed gives byte-identical files and one writer's changes leave the others' alone.
 */
public final class Simulation {
    private Simulation() {}

    static SimulationResult run(Path out, SimulationSpec spec) throws IOException {
        Estate estate = Estate.of(spec.hosts(), new Random(spec.seed()));
        List<Injected> injected = new ArrayList<>();
        List<WrittenFile> files = new ArrayList<>();
        files.addAll(new FlowLogs(spec, estate, stream(spec, 1)).write(out, injected));
        files.addAll(new CloudTrailLogs(spec, estate, stream(spec, 2)).write(out, injected));
        files.addAll(new ConfigHistory(spec, estate).write(out));
        files.addAll(new OsqueryResults(spec, estate, stream(spec, 3)).write(out, injected));
        injected.sort(Comparator.comparing(Injected::at).thenComparing(i -> i.attack().ordinal()));
        return new SimulationResult(List.copyOf(files), List.copyOf(injected));
    }

    /**
     * The demo's input: {@code hours} of the default estate (three hosts) with every attack in the last
     * four hours. Returns the files written.
     */
    public static List<WrittenFile> demo(Path out, long seed, Instant start, int hours) throws IOException {
        return run(out, new SimulationSpec(seed, start, hours, SimulationSpec.MIN_HOSTS + 1, EnumSet.allOf(Attack.class), 0)).files();
    }

    /**
     * Only flow logs, no attacks: {@code lines} data lines over {@code files} hourly gzip files (the
     * benchmark's input). Returns the files written.
     */
    public static List<WrittenFile> flowLogs(Path out, long seed, int files, long lines) throws IOException {
        SimulationSpec spec = new SimulationSpec(seed, Instant.parse(SimulateCommand.DEFAULT_START), files, SimulationSpec.MIN_HOSTS + 1,
                EnumSet.noneOf(Attack.class), lines);
        Estate estate = Estate.of(spec.hosts(), new Random(seed));
        return new FlowLogs(spec, estate, stream(spec, 1)).write(out, new ArrayList<>());
    }

    private static Random stream(SimulationSpec spec, int k) {
        return new Random(spec.seed() * 1_000_003L + k);
    }
}
