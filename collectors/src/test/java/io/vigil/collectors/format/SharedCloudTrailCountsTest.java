package io.vigil.collectors.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.collectors.format.vpcflow.ReaderHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CloudTrail file of the public samples in ../shared (Stratus Red Team detonations, traildiscover;
 * not in this repository) is recognised as CloudTrail and gives exactly as many events as the file
 * holds, counted here independently of the reader: the elements of its {@code Records} or top-level
 * array. None is dead-lettered.
 */
class SharedCloudTrailCountsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FOLDERS = {"stratus-red-team-detonation-logs", "traildiscover-samples"};

    static Stream<String> files() throws IOException {
        Stream<String> out = Stream.empty();
        if (!Files.isDirectory(ReaderHarness.sharedData(FOLDERS[0]))) {
            return Stream.of("(absent)/(absent)"); // one invocation, which skips
        }
        for (String folder : FOLDERS) {
            Path dir = ReaderHarness.sharedData(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    out = Stream.concat(out, list.filter(p -> p.toString().endsWith(".json")).map(p -> folder + "/" + p.getFileName()).sorted().toList().stream());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("files")
    void readWholeWithTheSourcesCount(String file) throws IOException {
        Path path = ReaderHarness.sharedData(file.substring(0, file.indexOf('/'))).resolve(file.substring(file.indexOf('/') + 1));
        assumeTrue(Files.isRegularFile(path), "shared data absent");
        JsonNode root = JSON.readTree(path.toFile());
        JsonNode events = root.isArray() ? root : root.path("Records");
        byte[] head = Files.readAllBytes(path);
        assertThat(FormatDetector.detect(head, Math.min(head.length, FormatDetector.HEAD_BYTES))).isEqualTo(Format.CLOUDTRAIL);

        ReaderHarness read = ReaderHarness.collect(path);
        assertThat(read.rejected()).isEmpty();
        assertThat(read.accepted()).hasSize(events.size());
    }
}
