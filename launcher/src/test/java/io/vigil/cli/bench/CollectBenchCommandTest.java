package io.vigil.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** bench collect end to end on a tiny input: it runs, loses nothing, and its JSON holds the figures it printed. No timing is asserted. */
class CollectBenchCommandTest {

    @Test
    void runsEndToEndAndWritesSaneJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int rc;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            rc = new CommandLine(new BenchCommand()).execute("collect", "--lines", "3000", "--files", "3", "--rounds", "1", "--json", json.toString());
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(printed).isZero();
        assertThat(printed).contains("parse only", "publish only", "parse + publish", "ratio parse+publish/publish-only");

        JsonNode f = new ObjectMapper().readTree(json.toFile());
        assertThat(f.get("lines").asLong()).isEqualTo(3000);
        assertThat(f.get("files").asInt()).isEqualTo(3);
        assertThat(f.get("published_per_round").asLong()).as("every line published").isEqualTo(3000);
        assertThat(f.get("dead_lettered").asLong()).isZero();
        for (String rate : new String[] {"parse_only_lines_per_s", "publish_only_lines_per_s", "parse_and_publish_lines_per_s"}) {
            assertThat(f.get(rate).asLong()).as(rate).isPositive();
            assertThat(printed).contains(String.format("%,d", f.get(rate).asLong()));
        }
        assertThat(f.get("parse_only_lines_per_cpu_s").asLong()).as("CPU time of the reading thread is measured").isPositive();
        assertThat(f.get("parse_and_publish_cpu_us_per_line").asDouble()).isPositive();
        assertThat(f.get("parse_share_of_cpu").asDouble()).isPositive();
        double ratio = f.get("ratio_parse_and_publish_to_publish_only").asDouble();
        assertThat(ratio).isEqualTo(Math.round(f.get("parse_and_publish_lines_per_s").asDouble() / f.get("publish_only_lines_per_s").asDouble() * 1000)
                / 1000.0, org.assertj.core.data.Offset.offset(0.002));
        assertThat(f.get("rounds_lines_per_s").get("parse_only")).hasSize(1);
        assertThat(f.get("goals").get("ratio_at_least").asDouble()).isEqualTo(0.8);
        assertThat(f.get("machine").get("available_processors").asInt()).isPositive();
    }

    @Test
    void badSizesAreNamed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(e.getMessage());
            return 2;
        });
        assertThat(cli.execute("collect", "--lines", "10")).isEqualTo(2);
        assertThat(cli.execute("collect", "--lines", "10000000", "--files", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--lines 10: expected 1000 to 100000000", "--files 1: expected");
    }
}
