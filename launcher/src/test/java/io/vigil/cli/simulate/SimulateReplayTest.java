package io.vigil.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.replay.ReplayPipeline;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.Finding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A simulated estate replayed through the real pipeline on a real broker: every injected attack is reported by the detectors it names. */
@ExtendWith(EmbeddedKafkaExtension.class)
class SimulateReplayTest {

    @Test
    void replayingASimulatedEstateReportsEveryInjectedAttack(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        // 30 hours: the flow and principal baselines have learned for a day before the attack window opens
        SimulationSpec spec = new SimulationSpec(7, Instant.parse("2026-03-02T00:00:00Z"), 30, 3, EnumSet.allOf(Attack.class), 0);
        SimulationResult simulated = Simulation.run(dir.resolve("in"), spec);

        KafkaOptions options = new KafkaOptions();
        new CommandLine(options).parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.resolve("data").toString());
        try (KafkaRuntime runtime = KafkaRuntime.open(options)) {
            List<Finding> findings = new ReplayPipeline(runtime, Duration.ofMinutes(3), Clock.systemUTC()).run(List.of(dir.resolve("in"))).findings();

            List<String> seen = findings.stream().map(f -> f.getEventTime() + " " + f.getDetector() + " " + f.getEntity()).toList();
            for (Injected attack : simulated.injected()) {
                // flow entities are "eni/address" and principals ARNs: their last segment is what summaries name
                List<String> keys = attack.entities().stream().map(e -> e.substring(e.lastIndexOf('/') + 1)).toList();
                for (String detector : attack.detectors()) {
                    assertThat(findings.stream().filter(f -> f.getDetector().equals(detector)
                            && !f.getEventTime().isBefore(attack.at()) && f.getEventTime().isBefore(attack.at().plus(Duration.ofHours(1)))
                            && keys.stream().anyMatch((f.getEntity() + " " + f.getSummary())::contains)))
                            .as("%s (%s at %s) reported by %s; findings: %s", attack.attack().cliName(), attack.entities(), attack.at(), detector, seen)
                            .isNotEmpty();
                }
            }
            assertThat(findings.stream().filter(f -> f.getEventTime().isBefore(spec.attackWindow())).map(Finding::getDetector))
                    .as("no findings in the ordinary hours before the attacks; findings: %s", seen).isEmpty();
        }
    }
}
