package io.vigil.collectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.collectors.checkpoint.Checkpoints;
import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.file.FolderSource;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.SourceCheckpoint;
import io.vigil.schemas.topics.Topics;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's guarantee, tested the way it fails in production: a collector process is killed
 * (SIGKILL, no shutdown hook) in the middle of a file and started again; the topic then holds exactly
 * the records of an uninterrupted run, each once, in file order per key (read_committed).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class KillAndRestartTest {
    private static final int LINES = 100_000;
    private static final long CHUNK = 1_000;

    @Test
    void aCollectorKilledMidFileAndRestartedPublishesEachRecordExactlyOnce(EmbeddedKafka broker, @TempDir Path dir) throws Exception {
        String bootstrap = broker.bootstrapServers();
        CollectorHarness.createTopics(bootstrap);
        Path folder = Files.createDirectories(dir.resolve("inbox"));
        Path file = writeFlowLog(folder.resolve("eni-flows.log.gz"));
        String id = "kill-test";
        String unit = file.toAbsolutePath().normalize().toString();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CollectorProcess.class.getName(), bootstrap, id, Long.toString(CHUNK), file.toString(),
                Long.toString(Files.size(file) / 3))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            await("a first chunk of the file committed by the child, stalled a third of the way in").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .failFast("the collector process ended before it was killed", () -> !child.isAlive())
                    .until(() -> committed(bootstrap, id, unit).map(c -> c.getPosition() > 0).orElse(false));
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "\n--- collector process output ---\n" + Files.readString(dir.resolve("child.log")), e);
        } finally {
            child.destroyForcibly(); // SIGKILL: the open transaction is left behind, as in a crash
            child.waitFor();
        }
        SourceCheckpoint atKill = committed( // the last one committed before the kill, read after it
                bootstrap, id, unit).orElseThrow();
        assertThat(atKill.getComplete()).as("killed mid-file").isFalse();
        assertThat(atKill.getPosition()).isBetween(CHUNK, (long) LINES - 1);

        List<InputStats> restarted;
        try (CollectorHarness again = CollectorHarness.start(bootstrap, id, CHUNK, Optional.empty())) {
            restarted = new FolderSource(List.of(folder), Duration.ZERO, java.time.Clock.systemUTC()).poll(again.collector());
        }
        assertThat(restarted).singleElement().satisfies(s -> {
            assertThat(s.read()).as("only what was not committed before the kill").isEqualTo(LINES - atKill.getPosition());
            assertThat(s.deadLetteredCount()).isZero();
        });

        Map<String, List<byte[]>> expected = uninterrupted(file);
        Map<String, List<byte[]>> onTopic = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : CollectorHarness.readCommitted(bootstrap, Topics.FLOWS_RAW.name())) {
            onTopic.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
        }
        assertThat(onTopic.values().stream().mapToInt(List::size).sum()).isEqualTo(LINES);
        assertThat(onTopic.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, values) -> assertThat(onTopic.get(key)).as("records of %s in order", key)
                .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(values));
        assertThat(CollectorHarness.readCommitted(bootstrap, Topics.dlq(Topics.FLOWS_RAW.name()).name())).isEmpty();
        assertThat(committed(bootstrap, id, unit)).get().satisfies(c -> {
            assertThat(c.getComplete()).isTrue();
            assertThat(c.getPosition()).isEqualTo(LINES);
        });
    }

    private static Optional<SourceCheckpoint> committed(String bootstrap, String id, String unit) {
        return Checkpoints.load(CollectorHarness.props(bootstrap), CollectorHarness.WIRE, id, Optional.empty()).get(unit);
    }

    /** What a run that nobody interrupts publishes: the reader's records, encoded, per key in file order. */
    private static Map<String, List<byte[]>> uninterrupted(Path file) throws Exception {
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            new Readers(CollectorHarness.CLOCK).forFormat(Format.VPCFLOW).orElseThrow().read(in, file.toString(), new RecordSink() {
                @Override
                public void accept(Collected<?> c) {
                    out.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(CollectorHarness.WIRE.encode(c.topic().name(), c.value()));
                }

                @Override
                public void reject(Rejected rejected) {
                    throw new AssertionError("the generated file has no bad line: " + rejected);
                }
            });
        }
        return out;
    }

    private static Path writeFlowLog(Path file) throws Exception {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            w.write("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n");
            long start = 1_761_955_200L;
            for (int i = 0; i < LINES; i++) {
                int eni = i % 7;
                w.write("2 123456789012 eni-0a1b2c3d4e5f6070" + eni + " 10.0." + (i % 250) + "." + (i % 199 + 1) + " 10.0.1." + (eni + 10)
                        + " " + (1024 + i % 60000) + " 443 6 " + (i % 40 + 1) + " " + (i % 9000 + 60) + " " + (start + i / 100) + " " + (start + i / 100 + 60)
                        + (i % 13 == 0 ? " REJECT OK\n" : " ACCEPT OK\n"));
            }
        }
        return file;
    }
}
