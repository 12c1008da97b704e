package io.vigil.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped alert rules pass promtool's checks and their unit tests (skipped where promtool is absent). */
class AlertRulesTest {
    private static final Path PROMETHEUS = Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }

    @Test
    void rulesAreValidAndTheirUnitTestsPass() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "promtool is not installed (apt-get install prometheus)");
        run(PROMETHEUS, "promtool", "check", "rules", "rules/vigil-alerts.yml");
        assertThat(run(PROMETHEUS.resolve("tests"), "promtool", "test", "rules", "vigil-alerts-test.yml")).contains("SUCCESS");
    }
}
