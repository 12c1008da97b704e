package io.vigil.cli.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Writes a small estate's logs with injected attacks, laid out as AWS writes them into S3: VPC flow logs,",
                "CloudTrail, AWS Config history, and osquery results per host. The same seed gives byte-identical files.",
                "Prints what was written and where each attack was injected; then try: vigil replay --input DIR --out findings.jsonl"})
public final class SimulateCommand implements Callable<Integer> {
    static final String DEFAULT_START = "2026-03-02T00:00:00Z";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write (a new or empty folder).")
    Path out;

    @Option(names = "--hours", defaultValue = "48", paramLabel = "N",
            description = "Hours of activity, 4 to 2160 (default: ${DEFAULT-VALUE}). Attacks fall in the last four hours;"
                    + " flow baselines learn for 24 hours, so give at least 27 for them to judge.")
    int hours;

    @Option(names = "--hosts", defaultValue = "3", paramLabel = "N",
            description = "Machines: web servers and one database, 2 to 200 (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "N", description = "Seed: the same seed gives the same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", defaultValue = DEFAULT_START, paramLabel = "INSTANT",
            description = "Start of the period, an ISO-8601 instant (default: ${DEFAULT-VALUE}; never the wall clock).")
    String start;

    @Option(names = "--attacks", defaultValue = "all", paramLabel = "LIST",
            description = {"Attacks to inject: all, none, or a comma-separated list of brute-force, port-scan, host-backdoor,",
                    "credential-theft, exfiltration, logging-disabled, sg-opened (default: ${DEFAULT-VALUE})."})
    String attacks;

    @Option(names = "--flow-lines", defaultValue = "0", paramLabel = "N",
            description = "Ordinary flow log lines to write, spread evenly over the period (sizes the output for benchmarks);"
                    + " 0 keeps the traffic model's own rate (default: ${DEFAULT-VALUE}).")
    long flowLines;

    @Override
    public Integer call() throws IOException {
        SimulationSpec spec = spec();
        requireEmpty(out);
        SimulationResult result = Simulation.run(out, spec);
        print(System.out, out, spec, result);
        return 0;
    }

    SimulationSpec spec() {
        if (hours < SimulationSpec.MIN_HOURS || hours > SimulationSpec.MAX_HOURS) {
            throw new IllegalArgumentException("--hours " + hours + ": expected " + SimulationSpec.MIN_HOURS + " to " + SimulationSpec.MAX_HOURS);
        }
        if (hosts < SimulationSpec.MIN_HOSTS || hosts > SimulationSpec.MAX_HOSTS) {
            throw new IllegalArgumentException("--hosts " + hosts + ": expected " + SimulationSpec.MIN_HOSTS + " to " + SimulationSpec.MAX_HOSTS);
        }
        if (flowLines < 0 || flowLines > SimulationSpec.MAX_FLOW_LINES) {
            throw new IllegalArgumentException("--flow-lines " + flowLines + ": expected 0 to " + SimulationSpec.MAX_FLOW_LINES);
        }
        Instant from;
        try {
            from = Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start '" + start + "': expected an ISO-8601 instant such as " + DEFAULT_START);
        }
        return new SimulationSpec(seed, from, hours, hosts, Attack.parse(attacks), flowLines);
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            throw new IllegalArgumentException("--out " + dir + ": is a file; expected a new or empty folder");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + dir + ": is not empty; expected a new or empty folder (a simulation"
                            + " mixed with other files would not match its summary)");
                }
            }
        }
    }

    static void print(PrintStream o, Path out, SimulationSpec spec, SimulationResult r) {
        o.printf("simulate: %d hours from %s, %d hosts, seed %d, written to %s%n", spec.hours(), spec.start(), spec.hosts(), spec.seed(), out);
        for (Map.Entry<String, long[]> e : r.byFormat().entrySet()) {
            o.printf("  %-10s %6d files %,12d records%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        if (r.injected().isEmpty()) {
            o.println("no attacks injected");
            return;
        }
        o.println("injected attacks (event time, attack, entity: what was done -> detectors that should report it):");
        for (Injected i : r.injected()) {
            o.printf("  %s  %-16s %s: %s -> %s%n", i.at(), i.attack().cliName(), String.join(" and ", i.entities()), i.detail(),
                    i.detectors().isEmpty() ? "no detector yet" : String.join(", ", i.detectors()));
        }
        o.printf("check them: vigil replay --input %s --out findings.jsonl%n", out);
        if (spec.hours() < 27 && (spec.has(Attack.EXFILTRATION) || spec.has(Attack.CREDENTIAL_THEFT))) {
            o.println("note: fewer than 27 hours: flow and principal baselines are still learning when the attacks come;"
                    + " flow.exfiltration and audit.new_source will not judge them");
        }
    }
}
