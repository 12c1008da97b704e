package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.hunt.HuntRun;
import io.vigil.cli.hunt.HuntSpec;
import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicReader;
import io.vigil.cli.replay.ReplayPipeline;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A hunt over history finds what live processing found (same ids) and touches nothing live. */
@ExtendWith(EmbeddedKafkaExtension.class)
class HuntTest {

    private static String event(String id, String time, String name) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"" + time + "\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"" + name
                + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\",\"eventID\":\"" + id + "\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::123456789012:user/mallory\",\"accountId\":\"123456789012\"}}";
    }

    private static Set<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::getId).collect(Collectors.toSet());
    }

    @Test
    void huntMatchesLiveAndLeavesLiveTopicsAlone(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("trail.json"), "{\"Records\":[" + String.join(",",
                event("e-1", "2024-03-01T10:00:00Z", "StopLogging"), event("e-2", "2024-03-01T11:00:00Z", "ListTrails"),
                event("e-3", "2024-03-05T10:00:00Z", "DeleteTrail")) + "]}");
        KafkaOptions options = new KafkaOptions();
        new CommandLine(options).parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.resolve("data").toString());
        try (KafkaRuntime runtime = KafkaRuntime.open(options)) {
            List<Finding> live = new ReplayPipeline(runtime, Duration.ofMinutes(2), Clock.systemUTC()).run(List.of(in)).findings();
            assertThat(live).hasSize(2);
            long liveFindings = TopicReader.read(runtime.clientProps(), runtime.wire(), Topics.FINDINGS, Map.of()).size();

            HuntRun hunt = new HuntRun(runtime, Duration.ofMinutes(2));
            List<Finding> all = hunt.run(new HuntSpec("all", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
            assertThat(ids(all)).isEqualTo(ids(live));

            List<Finding> firstDays = hunt.run(new HuntSpec("march-1", Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-02T00:00:00Z"), List.of(), List.of()));
            assertThat(firstDays).extracting(f -> f.getEvidence().getObserved().get("event_id")).containsExactly("e-1");

            List<Finding> none = hunt.run(new HuntSpec("no-audit", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"),
                    List.of(), List.of("audit.*")));
            assertThat(none).isEmpty();

            assertThat(TopicReader.read(runtime.clientProps(), runtime.wire(), Topics.FINDINGS, Map.of())).as("live findings untouched").hasSize((int) liveFindings);
        }
    }
}
