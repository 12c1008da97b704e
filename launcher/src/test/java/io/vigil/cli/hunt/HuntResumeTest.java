package io.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vigil.cli.CliRun;
import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.replay.ReplayPipeline;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A hunt cancelled half-way keeps its state (application id, committed offsets, changelogs, output
 * topic) and, resumed, ends with the same findings as the same hunt run without interruption; its
 * progress counts the input records it has gone through.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class HuntResumeTest {
    static KafkaRuntime runtime(EmbeddedKafka kafka, Path dir, String... config) throws Exception {
        KafkaOptions options = new KafkaOptions();
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.resolve("data").toString()));
        if (config.length > 0) {
            Path file = dir.resolve("hunt.properties");
            Files.writeString(file, String.join("\n", config));
            args.addAll(List.of("--config", file.toString()));
        }
        new CommandLine(options).parseArgs(args.toArray(String[]::new));
        return KafkaRuntime.open(options);
    }

    /** Every finding as its id and what it says; detected_at is the processing time and differs by design. */
    private static Map<String, String> content(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::getId,
                f -> f.getDetector() + " " + f.getSeverity() + " " + f.getEntity() + " " + f.getEventTime() + " " + f.getSummary() + " "
                        + f.getEvidence(), (a, b) -> a, TreeMap::new));
    }

    @Test
    void aCancelledHuntResumesToTheFindingsOfAnUninterruptedOne(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        List<String> events = new ArrayList<>(AuditTrail.routine());
        events.addAll(AuditTrail.attack());
        Path in = AuditTrail.write(dir, "in", events);
        try (KafkaRuntime live = runtime(kafka, dir)) {
            new ReplayPipeline(live, Duration.ofMinutes(3), Clock.systemUTC()).run(List.of(in));
        }
        Instant from = AuditTrail.T0.minus(Duration.ofDays(1));
        Instant to = AuditTrail.T0.plus(Duration.ofDays(10));
        List<Finding> whole;
        try (KafkaRuntime runtime = runtime(kafka, dir)) {
            whole = new HuntRun(runtime, Duration.ofMinutes(5)).run(new HuntSpec("whole", from, to, List.of(), List.of()));
        }
        assertThat(whole.stream().map(Finding::getDetector).distinct()).as("stateful and stateless detectors fired")
                .contains("audit.new_source", "audit.sensitive_call");
        // small polls and frequent commits, so that the hunt is still running when it is cancelled
        try (KafkaRuntime runtime = runtime(kafka, dir, "max.poll.records=10", "commit.interval.ms=100")) {
            HuntRun first = new HuntRun(runtime, Duration.ofMinutes(5));
            CompletableFuture<List<Finding>> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.run(new HuntSpec("halves", from, to, List.of(), List.of()));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> first.progress().map(p -> p.scanned() > 0).orElse(false));
            long scannedAtCancel = first.progress().orElseThrow().scanned();
            first.cancel();
            assertThatThrownBy(running::join).hasCauseInstanceOf(HuntRun.Cancelled.class)
                    .hasMessageContaining("vigil hunt --resume halves");
            HuntManifest kept = HuntManifest.load(runtime.dataDir(), "halves");
            assertThat(kept.status()).isEqualTo(HuntManifest.Status.CANCELLED);
            assertThat(kept.records()).isGreaterThan(3000);
            assertThat(scannedAtCancel).as("cancelled half-way").isLessThan(kept.records());
        }
        try (KafkaRuntime runtime = runtime(kafka, dir)) {
            List<Finding> resumed = new HuntRun(runtime, Duration.ofMinutes(5)).resume("halves");

            assertThat(content(resumed)).isEqualTo(content(whole));
            assertThat(HuntManifest.load(runtime.dataDir(), "halves").status()).isEqualTo(HuntManifest.Status.FINISHED);
        }
        CliRun.Result again = CliRun.run("hunt", "--resume", "halves", "--bootstrap-servers", kafka.bootstrapServers(),
                "--data-dir", dir.resolve("data").toString());
        assertThat(again.rc()).as(again.output()).isZero();
        assertThat(again.out()).contains("hunt halves: ", "-> topic hunt.halves.findings");
    }

    @Test
    void resumingAnUnknownHuntNamesTheMissingManifest(EmbeddedKafka kafka, @TempDir Path dir) {
        CliRun.Result r = CliRun.run("hunt", "--resume", "nope", "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.toString());
        assertThat(r.rc()).isNotZero();
        assertThat(r.err()).contains("--resume nope", "hunt.json");
    }

    @Test
    void theProgressLineShowsRecordsRateAndPositionInTheRange() {
        HuntSpec spec = new HuntSpec("h1", Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-08T00:00:00Z"), List.of(), List.of());
        String line = HuntProgress.line(spec, new HuntProgress.Snapshot(12_300, 45_600, java.util.Optional.of(Instant.parse("2024-03-03T10:00:00Z"))),
                300, Duration.ofSeconds(4));
        assertThat(line).isEqualTo("hunt h1: 12.3 k of 45.6 k records (26%)  3.0 k/s  at 2024-03-03T10:00:00Z in [2024-03-01T00:00:00Z, "
                + "2024-03-08T00:00:00Z)  ETA 0:00:11");
    }
}
