package io.vigil.collectors.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.CollectorHarness;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.topics.Topics;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local file may be caught half-way through a line (the writer paused past the settle time): that line is held back,
 * not published broken, and once finished it is read with the rest, each record once. A gzip file is whole, so its last
 * line counts even without a newline.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class GrowingFileTest {
    private static boolean topicsCreated;
    private static final String LINE = "2 123456789010 eni-0000000000000000a 203.0.113.12 172.31.16.139 %d 22 6 20 4249 1418530010 1418530070 ACCEPT OK";

    @Test
    void aHalfWrittenLastLineIsHeldBackThenReadOnceFinished(EmbeddedKafka broker, @TempDir Path dir) throws Exception {
        createTopicsOnce(broker);
        Path folder = Files.createDirectories(dir.resolve("inbox"));
        Path file = folder.resolve("flows.log");
        String third = LINE.formatted(40003);
        Files.writeString(file, LINE.formatted(40001) + "\n" + LINE.formatted(40002) + "\n" + third.substring(0, 60));

        List<InputStats> first = poll(broker, folder);
        assertThat(first).singleElement().satisfies(s -> {
            assertThat(s.read()).isEqualTo(2);
            assertThat(s.publishedCount()).isEqualTo(2);
            assertThat(s.heldBackAt()).isEqualTo("line 3");
            assertThat(s.heldBackBytes()).isEqualTo(60);
        });

        Files.writeString(file, third.substring(60) + "\n" + LINE.formatted(40004), StandardOpenOption.APPEND);
        List<InputStats> second = poll(broker, folder);
        assertThat(second).singleElement().satisfies(s -> {
            assertThat(s.read()).as("the finished third line, not the fourth: it has no newline yet").isEqualTo(1);
            assertThat(s.deadLetteredCount()).isZero();
            assertThat(s.heldBackAt()).isEqualTo("line 4");
        });
        assertThat(CollectorHarness.readCommitted(broker.bootstrapServers(), Topics.FLOWS_RAW.name()))
                .filteredOn(r -> r.key().contains("eni-0000000000000000a")).hasSize(3);
        assertThat(CollectorHarness.readCommitted(broker.bootstrapServers(), Topics.dlq(Topics.FLOWS_RAW.name()).name())).isEmpty();
    }

    @Test
    void aGzipFileIsWholeSoItsLastLineIsReadWithoutNewline(EmbeddedKafka broker, @TempDir Path dir) throws Exception {
        createTopicsOnce(broker);
        Path folder = Files.createDirectories(dir.resolve("inbox"));
        String other = LINE.replace("eni-0000000000000000a", "eni-0000000000000000b");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("flows.log.gz")))) {
            out.write((other.formatted(40001) + "\n" + other.formatted(40002)).getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(poll(broker, folder)).singleElement().satisfies(s -> {
            assertThat(s.publishedCount()).isEqualTo(2);
            assertThat(s.heldBackAt()).isNull();
        });
    }

    private static synchronized void createTopicsOnce(EmbeddedKafka broker) throws Exception {
        if (!topicsCreated) {
            CollectorHarness.createTopics(broker.bootstrapServers());
            topicsCreated = true;
        }
    }

    private static List<InputStats> poll(EmbeddedKafka broker, Path folder) throws Exception {
        try (CollectorHarness collector = CollectorHarness.start(broker.bootstrapServers(), "growing-" + folder.getParent().getFileName(), 100, Optional.empty())) {
            return new FolderSource(List.of(folder), Duration.ZERO, Clock.systemUTC()).poll(collector.collector());
        }
    }
}
