package io.vigil.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.FlowRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What simulate writes is what the collectors read: formats detected from content, every record read, none dead-lettered. */
class SimulateFilesTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private static SimulationSpec spec(long seed, int hours, Set<Attack> attacks, long flowLines) {
        return new SimulationSpec(seed, START, hours, 3, attacks, flowLines);
    }

    @Test
    void everyFileIsReadBackWithItsFormatAndTheReportedCountAndNothingRejected(@TempDir Path dir) throws IOException {
        SimulationResult result = Simulation.run(dir, spec(7, 12, EnumSet.allOf(Attack.class), 0));

        assertThat(result.byFormat()).containsOnlyKeys("vpcflow", "cloudtrail", "awsconfig", "osquery");
        assertThat(result.files()).extracting(WrittenFile::path).allSatisfy(p -> assertThat(p).startsWith(dir).isRegularFile());
        for (WrittenFile f : result.files()) {
            SimulatedFiles.ReadBack back = SimulatedFiles.read(f.path());
            assertThat(back.format().label()).as("format of %s", f.path()).isEqualTo(f.format());
            assertThat(back.rejected()).as("dead letters of %s", f.path()).isEmpty();
            assertThat(back.records()).as("records of %s", f.path()).hasSize((int) f.records());
        }
        assertThat(listed(dir)).as("nothing written that the result does not report").hasSize(result.files().size());
    }

    @Test
    void filesLieWhereAwsPutsThem(@TempDir Path dir) throws IOException {
        SimulationResult result = Simulation.run(dir, spec(7, 8, EnumSet.allOf(Attack.class), 0));
        List<String> names = result.files().stream().map(f -> dir.relativize(f.path()).toString()).toList();
        assertThat(names).anySatisfy(n -> assertThat(n).matches(
                "AWSLogs/123456789012/vpcflowlogs/eu-west-1/2026/03/02/123456789012_vpcflowlogs_eu-west-1_fl-0[0-9a-f]{16}_20260302T0100Z_[0-9a-f]{8}\\.log\\.gz"));
        assertThat(names).anySatisfy(n -> assertThat(n).matches(
                "AWSLogs/123456789012/CloudTrail/eu-west-1/2026/03/02/123456789012_CloudTrail_eu-west-1_20260302T0100Z_[A-Z2-7]{16}\\.json\\.gz"));
        assertThat(names).anySatisfy(n -> assertThat(n).matches(
                "AWSLogs/123456789012/Config/eu-west-1/2026/3/2/ConfigHistory/123456789012_Config_eu-west-1_ConfigHistory_AWS::EC2::SecurityGroup"
                        + "_20260302T060000Z_20260302T000000Z_1\\.json\\.gz"));
        assertThat(names).contains("osquery/web-1/osqueryd.results.log", "osquery/web-2/osqueryd.results.log", "osquery/db-1/osqueryd.results.log");
    }

    @Test
    void theSameSeedGivesByteIdenticalOutputAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
        SimulationResult a = Simulation.run(dir.resolve("a"), spec(11, 6, EnumSet.allOf(Attack.class), 0));
        SimulationResult b = Simulation.run(dir.resolve("b"), spec(11, 6, EnumSet.allOf(Attack.class), 0));
        SimulationResult c = Simulation.run(dir.resolve("c"), spec(12, 6, EnumSet.allOf(Attack.class), 0));

        List<Path> filesA = listed(dir.resolve("a")).stream().map(dir.resolve("a")::relativize).toList();
        assertThat(listed(dir.resolve("b")).stream().map(dir.resolve("b")::relativize).toList()).isEqualTo(filesA);
        for (Path rel : filesA) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(rel))).as("%s", rel).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(rel)));
        }
        assertThat(b.injected()).isEqualTo(a.injected());
        Path flowA = a.files().get(0).path();
        Path flowC = c.files().get(0).path();
        assertThat(dir.resolve("c").relativize(flowC)).isNotEqualTo(dir.resolve("a").relativize(flowA));
    }

    @Test
    void flowLinesSizesTheFlowOutputExactlyAndKeepsTimeOrder(@TempDir Path dir) throws IOException {
        SimulationResult result = Simulation.run(dir, spec(3, 5, EnumSet.noneOf(Attack.class), 100_003));
        List<WrittenFile> flows = result.files().stream().filter(f -> f.format().equals("vpcflow")).toList();
        assertThat(flows).hasSize(5);
        assertThat(flows.stream().mapToLong(WrittenFile::records).sum()).isEqualTo(100_003);
        long previous = Long.MIN_VALUE;
        for (WrittenFile f : flows) {
            SimulatedFiles.ReadBack back = SimulatedFiles.read(f.path());
            assertThat(back.records()).hasSize((int) f.records());
            for (var r : back.records()) {
                long start = ((FlowRecord) r.value()).getStart().getEpochSecond();
                assertThat(start).isGreaterThanOrEqualTo(previous);
                previous = start;
            }
        }
    }

    @Test
    void attacksAreInjectedInTheLastHoursAndReportedWithTheirEntity(@TempDir Path dir) throws IOException {
        SimulationSpec spec = spec(7, 30, EnumSet.allOf(Attack.class), 0);
        SimulationResult result = Simulation.run(dir, spec);

        assertThat(result.injected()).extracting(Injected::attack).containsExactlyInAnyOrder(Attack.values());
        assertThat(result.injected()).allSatisfy(i -> {
            assertThat(i.at()).isAfterOrEqualTo(spec.attackWindow()).isBefore(spec.end());
            assertThat(i.entities()).isNotEmpty().allSatisfy(e -> assertThat(e).isNotBlank());
        });
        // the flow attacks are in the flow files: 150 guesses, 2 x 200 probes, 30 transfers on top of the model's traffic
        SimulationResult quiet = Simulation.run(dir.resolve("quiet"), spec(7, 30, EnumSet.noneOf(Attack.class), 0));
        long flows = result.files().stream().filter(f -> f.format().equals("vpcflow")).mapToLong(WrittenFile::records).sum();
        long quietFlows = quiet.files().stream().filter(f -> f.format().equals("vpcflow")).mapToLong(WrittenFile::records).sum();
        assertThat(flows - quietFlows).isEqualTo(150 + 400 + 30);
        assertThat(quiet.injected()).isEmpty();
    }

    private static List<Path> listed(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
