package io.vigil.cli.simulate;

import io.vigil.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: a summary naming where each attack went, and bad options named with the form expected. */
class SimulateCommandTest {

    @Test
    void printsWhatWasWrittenAndWhereEachAttackWent(@TempDir Path dir) {
        CliRun.Result r = CliRun.run("simulate", "--out", dir.resolve("sim").toString(), "--hours", "6", "--hosts", "4", "--seed", "3");
        assertThat(r.rc()).as(r.output()).isZero();
        assertThat(r.output()).contains("vpcflow", "cloudtrail", "awsconfig", "osquery", "6 hours from 2026-03-02T00:00:00Z, 4 hosts, seed 3");
        for (Attack a : Attack.values()) {
            assertThat(r.output()).contains(a.cliName());
        }
        assertThat(r.output()).contains("flow.brute_force", "drift.config", "fewer than 27 hours");
        assertThat(dir.resolve("sim/osquery/web-3/osqueryd.results.log")).isRegularFile();
    }

    @Test
    void attacksCanBeChosen(@TempDir Path dir) {
        CliRun.Result r = CliRun.run("simulate", "--out", dir.toString(), "--hours", "6", "--attacks", "port-scan,sg-opened");
        assertThat(r.rc()).as(r.output()).isZero();
        assertThat(r.output()).contains("port-scan", "sg-opened").doesNotContain("brute-force", "exfiltration");
    }

    @Test
    void badOptionsAreNamedWithTheExpectedForm(@TempDir Path dir) throws Exception {
        String out = dir.resolve("x").toString();
        assertThat(CliRun.run("simulate", "--out", out, "--hours", "2").output()).contains("--hours 2", "expected 4 to 2160");
        assertThat(CliRun.run("simulate", "--out", out, "--hosts", "1").output()).contains("--hosts 1", "expected 2 to 200");
        assertThat(CliRun.run("simulate", "--out", out, "--start", "yesterday").output()).contains("--start 'yesterday'", "ISO-8601");
        assertThat(CliRun.run("simulate", "--out", out, "--attacks", "port-scan,ddos").output())
                .contains("--attacks", "unknown attack 'ddos'", Attack.names());
        assertThat(CliRun.run("simulate", "--out", out, "--flow-lines", "-5").output()).contains("--flow-lines -5");
        assertThat(CliRun.run("simulate", "--hours", "5").output()).contains("--out");
        Files.writeString(dir.resolve("x").resolve("keep.txt").getParent().toFile().mkdirs() ? dir.resolve("x/keep.txt") : dir.resolve("x/keep.txt"), "mine");
        CliRun.Result nonEmpty = CliRun.run("simulate", "--out", out);
        assertThat(nonEmpty.rc()).isNotZero();
        assertThat(nonEmpty.output()).contains("--out", "not empty");
    }

    @Test
    void helpListsEveryAttack() {
        CliRun.Result r = CliRun.run("simulate", "--help");
        for (Attack a : Attack.values()) {
            assertThat(r.output()).contains(a.cliName());
        }
    }
}
