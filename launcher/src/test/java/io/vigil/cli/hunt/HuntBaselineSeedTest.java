package io.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.cli.CliRun;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.replay.ReplayPipeline;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.Finding;
import io.vigil.streams.api.query.BaselineKind;
import io.vigil.streams.api.snapshot.BaselineSnapshots;
import io.vigil.streams.api.snapshot.SnapshotSettings;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hunt started from the baseline as it was published ({@code --baseline-at}) judges its range against
 * that baseline: alice's key used from a new network is new against Monday's snapshot, known against
 * Tuesday's (taken after the live app learned it), and unjudged without any (nothing learned in range).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class HuntBaselineSeedTest {
    private static final Instant MONDAY = Instant.parse("2024-06-03T00:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2024-06-04T00:00:00Z");

    /** Runs the live app on what the topics hold, then has it publish its baselines as a scan at {@code at} would. */
    private static void liveAndSnapshot(KafkaRuntime runtime, Path input, Instant at) throws Exception {
        new ReplayPipeline(runtime, Duration.ofMinutes(3), Clock.systemUTC()).run(List.of(input));
        Map<String, Object> settings = StreamsSettings.of(runtime.allProps(), runtime.dataDir().resolve("streams-state"));
        try (VigilStreams streams = new VigilStreams(settings, runtime.wire(), Clock.systemUTC());
             BaselineSnapshots snapshots = BaselineSnapshots.start(streams.kafkaStreams(), SnapshotSettings.from(Map.of(SnapshotSettings.INTERVAL_MS,
                     3_600_000L)), runtime.clientProps(), new SimpleMeterRegistry(), Clock.fixed(at, ZoneOffset.UTC))) {
            streams.start();
            await().atMost(Duration.ofMinutes(2)).until(() -> snapshots.scan().stream()
                    .anyMatch(s -> s.kind() == BaselineKind.PRINCIPALS && s.published() == 3));
        }
    }

    private static List<String> newSources(List<Finding> findings) {
        return findings.stream().filter(f -> f.getDetector().equals("audit.new_source")).map(Finding::getEntity).toList();
    }

    @Test
    void aHuntJudgesItsRangeAgainstTheBaselinePublishedAtTheTimeGiven(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        Instant from = AuditTrail.ATTACK.minus(Duration.ofHours(1));
        Instant to = AuditTrail.ATTACK.plus(Duration.ofHours(1));
        String alice = "arn:aws:iam::123456789012:user/alice";
        try (KafkaRuntime runtime = HuntResumeTest.runtime(kafka, dir)) {
            liveAndSnapshot(runtime, AuditTrail.write(dir, "routine", AuditTrail.routine()), MONDAY);
            liveAndSnapshot(runtime, AuditTrail.write(dir, "attack", AuditTrail.attack()), TUESDAY);

            List<Finding> unseeded = new HuntRun(runtime, Duration.ofMinutes(3)).run(new HuntSpec("unseeded", from, to, List.of(), List.of()));
            assertThat(newSources(unseeded)).as("three calls teach the hunt nothing to compare with").isEmpty();

            HuntRun monday = new HuntRun(runtime, Duration.ofMinutes(3));
            List<Finding> judged = monday.run(new HuntSpec("monday", from, to, List.of(), List.of()).withBaselineAt(MONDAY.plusSeconds(3600)));
            assertThat(newSources(judged)).containsExactly(alice);
            assertThat(monday.seeded().get("seeded")).containsEntry("principals", 3L);
            assertThat(monday.seeded().get("not seeded")).doesNotContainKey("principals");

            List<Finding> later = new HuntRun(runtime, Duration.ofMinutes(3)).run(new HuntSpec("tuesday", from, to, List.of(), List.of())
                    .withBaselineAt(TUESDAY));
            assertThat(newSources(later)).as("by Tuesday the live baseline had learned the new network").isEmpty();
        }
        CliRun.Result cli = CliRun.run("hunt", "--id", "cli", "--from", from.toString(), "--to", to.toString(), "--baseline-at", MONDAY.toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.resolve("data").toString(), "--out", dir.resolve("cli.jsonl").toString());
        assertThat(cli.rc()).as(cli.output()).isZero();
        assertThat(cli.out()).contains("baselines published at or before " + MONDAY, "principals=3");
        assertThat(Files.readString(dir.resolve("cli.jsonl"))).contains("audit.new_source");
    }
}
