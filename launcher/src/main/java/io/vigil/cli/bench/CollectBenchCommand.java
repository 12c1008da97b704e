package io.vigil.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.cli.simulate.Simulation;
import io.vigil.cli.simulate.WrittenFile;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.schemas.wire.WireFormats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Generates N VPC flow log lines (gzip files, as vigil simulate writes them), starts a temporary embedded",
                "broker, and measures lines/s for parse only (no Kafka), publish only (records parsed beforehand) and parse +",
                "publish (the file collector), after a warm-up, best of the rounds. Prints the rates and 'ratio",
                "parse+publish/publish-only'. Goal: ratio >= 0.8, and parse only >= 1 M lines per CPU-second of its one thread."})
final class CollectBenchCommand implements Callable<Integer> {
    static final double RATIO_GOAL = 0.8;
    static final double PARSE_GOAL = 1_000_000;
    private static final long SEED = 20240805L;

    @Option(names = "--lines", defaultValue = "1000000", paramLabel = "N", description = "Flow log lines to generate, 1000 to 100000000 (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--files", defaultValue = "10", paramLabel = "N", description = "Files to spread them over, at most 2000000 lines each (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N", description = "Measured rounds of each mode, 1 to 20; the best counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws IOException {
        validate();
        Path work = Files.createTempDirectory("vigil-bench-collect-");
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            List<WrittenFile> written = Simulation.flowLogs(work, SEED, files, lines);
            long bytes = 0;
            for (WrittenFile f : written) {
                bytes += Files.size(f.path());
            }
            Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            TopicSetup.ensure(client);
            WireFormat wire = WireFormats.fromConfig(Map.of());
            CollectBench.Outcome outcome = new CollectBench(client, wire).run(written.stream().map(WrittenFile::path).toList(), lines, rounds);
            ObjectNode figures = figures(outcome, bytes);
            print(System.out, figures);
            if (json != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), figures);
            }
            return 0;
        } finally {
            deleteRecursively(work);
        }
    }

    private void validate() {
        if (lines < 1000 || lines > 100_000_000) {
            throw new IllegalArgumentException("--lines " + lines + ": expected 1000 to 100000000");
        }
        if (files < 1 || files > 10_000 || lines / files > 2_000_000) {
            throw new IllegalArgumentException("--files " + files + ": expected 1 to 10000 files of at most 2000000 lines each (publish-only holds one"
                    + " file's records in memory)");
        }
        if (rounds < 1 || rounds > 20) {
            throw new IllegalArgumentException("--rounds " + rounds + ": expected 1 to 20");
        }
    }

    private ObjectNode figures(CollectBench.Outcome o, long gzipBytes) {
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("lines", lines);
        out.put("files", files);
        out.put("gzip_bytes", gzipBytes);
        out.put("rounds", rounds);
        out.put("warmup_lines_at_least", Math.min(lines, CollectBench.WARMUP_LINES));
        out.put("parse_only_lines_per_s", Math.round(o.parse().linesPerSecond()));
        out.put("parse_only_lines_per_cpu_s", Math.round(o.parse().linesPerCpuSecond()));
        out.put("publish_only_lines_per_s", Math.round(o.publish().linesPerSecond()));
        out.put("parse_and_publish_lines_per_s", Math.round(o.both().linesPerSecond()));
        double ratio = o.both().linesPerSecond() / o.publish().linesPerSecond();
        out.put("ratio_parse_and_publish_to_publish_only", Math.round(ratio * 1000) / 1000.0);
        // CPU per line, all threads of the process (best round of each mode): robust where wall-clock rates are not
        out.put("parse_only_cpu_us_per_line", round3(o.parse().cpuMicrosPerLine()));
        out.put("publish_only_cpu_us_per_line", round3(o.publish().cpuMicrosPerLine()));
        out.put("parse_and_publish_cpu_us_per_line", round3(o.both().cpuMicrosPerLine()));
        out.put("parse_share_of_cpu", round3(o.parse().cpuMicrosPerLine() / o.both().cpuMicrosPerLine()));
        out.put("published_per_round", o.both().published());
        out.put("dead_lettered", o.both().deadLettered() + o.parse().deadLettered() + o.publish().deadLettered());
        ObjectNode goals = out.putObject("goals");
        goals.put("ratio_at_least", RATIO_GOAL);
        goals.put("parse_only_lines_per_s_per_core_at_least", (long) PARSE_GOAL);
        goals.put("ratio_met", ratio >= RATIO_GOAL);
        // judged per CPU-second of the one reading thread: per core, whatever else the machine runs
        goals.put("parse_only_met", o.parse().linesPerCpuSecond() >= PARSE_GOAL);
        ObjectNode all = out.putObject("rounds_lines_per_s");
        rounds(all.putArray("parse_only"), o.parseRounds());
        rounds(all.putArray("publish_only"), o.publishRounds());
        rounds(all.putArray("parse_and_publish"), o.bothRounds());
        ObjectNode machine = out.putObject("machine");
        machine.put("available_processors", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return out;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void rounds(ArrayNode array, List<CollectBench.Pass> passes) {
        passes.forEach(p -> array.add(Math.round(p.linesPerSecond())));
    }

    static void print(PrintStream o, ObjectNode f) {
        o.printf("bench collect: %,d VPC flow log lines (version 2, gzip, %,d bytes) in %d files; best of %d rounds after a warm-up;"
                + " one thread reads%n", f.get("lines").asLong(), f.get("gzip_bytes").asLong(), f.get("files").asInt(), f.get("rounds").asInt());
        o.printf("  parse only       %,12d lines/s  (content detection + flow reader into a counting sink, no Kafka)%n",
                f.get("parse_only_lines_per_s").asLong());
        o.printf("  publish only     %,12d lines/s  (Publisher.publish of records parsed beforehand, flush per file)%n",
                f.get("publish_only_lines_per_s").asLong());
        o.printf("  parse + publish  %,12d lines/s  (FileCollector.collectFile)%n", f.get("parse_and_publish_lines_per_s").asLong());
        o.printf("  CPU per line, whole process: parse only %.2f us, publish only %.2f us, parse + publish %.2f us (parsing is %.0f%% of it)%n",
                f.get("parse_only_cpu_us_per_line").asDouble(), f.get("publish_only_cpu_us_per_line").asDouble(),
                f.get("parse_and_publish_cpu_us_per_line").asDouble(), 100 * f.get("parse_share_of_cpu").asDouble());
        JsonNode goals = f.get("goals");
        o.printf("ratio parse+publish/publish-only: %.3f (goal >= %.1f: %s)%n", f.get("ratio_parse_and_publish_to_publish_only").asDouble(),
                RATIO_GOAL, goals.get("ratio_met").asBoolean() ? "met" : "not met");
        o.printf("parse only, one core: %.2f M lines per CPU-second of the reading thread (goal >= 1 M: %s); %.2f M lines/s wall clock%n",
                f.get("parse_only_lines_per_cpu_s").asLong() / 1e6, goals.get("parse_only_met").asBoolean() ? "met" : "not met",
                f.get("parse_only_lines_per_s").asLong() / 1e6);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
