package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicReader;
import io.vigil.cli.replay.ReplayPipeline;
import io.vigil.collectors.input.InputStats;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole batch pipeline on a real broker: files in, findings, dead letters and planned actions out. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ReplayPipelineTest {

    private static String event(String id, String source, String name, String error) {
        return """
                {"eventVersion":"1.08","eventTime":"2024-08-18T13:01:07Z","eventSource":"%s","eventName":"%s",%s
                 "awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2","eventID":"%s",
                 "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/mallory","accountId":"123456789012","accessKeyId":"AKIAEXAMPLE"}}
                """.formatted(source, name, error == null ? "" : "\"errorCode\":\"" + error + "\",", id);
    }

    @Test
    void replayFindsTheEvasionCitesItsSourceDeadLettersGarbageAndPlansAResponse(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("trail.json"), "{\"Records\":[" + event("aaaaaaaa-0000-0000-0000-000000000001", "s3.amazonaws.com", "ListBuckets", null)
                + "," + event("aaaaaaaa-0000-0000-0000-000000000002", "cloudtrail.amazonaws.com", "StopLogging", "AccessDenied")
                + "," + "{\"eventName\":\"no id or time\"}" + "]}");
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Files.write(in.resolve("noise.bin"), noise);
        StringBuilder flows = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n");
        for (int i = 0; i < 3000; i++) {
            flows.append("2 123456789012 eni-0a1b2c3d 10.0.0.").append(i % 250).append(" 10.1.0.9 ").append(40000 + i).append(" 443 6 3 120 ")
                    .append(1700000000 + i).append(' ').append(1700000060 + i).append(" ACCEPT OK\n");
        }
        var gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(flows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.write(in.resolve("flows.log.gz"), java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2));

        KafkaOptions options = new KafkaOptions();
        new CommandLine(options).parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.resolve("data").toString());
        try (KafkaRuntime runtime = KafkaRuntime.open(options)) {
            ReplayPipeline.Result r = new ReplayPipeline(runtime, Duration.ofMinutes(2), Clock.systemUTC()).run(List.of(in));

            assertThat(r.files()).allSatisfy(f -> assertThat(f.read()).isEqualTo(f.publishedCount() + f.deadLetteredCount()));
            InputStats trail = r.files().stream().filter(f -> f.path().endsWith("trail.json")).findFirst().orElseThrow();
            assertThat(trail.format()).isEqualTo("cloudtrail");
            assertThat(trail.publishedCount()).isEqualTo(2);
            assertThat(trail.reasons()).containsEntry("invalid_event", 1L);
            InputStats noiseStats = r.files().stream().filter(f -> f.path().endsWith("noise.bin")).findFirst().orElseThrow();
            assertThat(noiseStats.format()).isEqualTo("unknown");
            assertThat(noiseStats.deadLetteredCount()).isEqualTo(1);
            InputStats truncated = r.files().stream().filter(f -> f.path().endsWith("flows.log.gz")).findFirst().orElseThrow();
            assertThat(truncated.format()).isEqualTo("vpcflow");
            assertThat(truncated.publishedCount()).as("what came before the cut is published").isPositive();
            assertThat(truncated.reasons()).containsKey("truncated_gzip");

            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.getDetector()).isEqualTo("audit.sensitive_call");
                assertThat(f.getEntity()).isEqualTo("arn:aws:iam::123456789012:user/mallory");
                assertThat(f.getSources()).singleElement().satisfies(s -> {
                    assertThat(s.getTopic()).isEqualTo(Topics.AUDIT_EVENTS.name());
                    assertThat(s.getRecordId()).isEqualTo("aaaaaaaa-0000-0000-0000-000000000002");
                });
            });
            Finding finding = r.findings().get(0);
            var audit = TopicReader.read(runtime.clientProps(), runtime.wire(), Topics.AUDIT_EVENTS, Map.of());
            var cited = audit.stream().filter(rec -> rec.partition() == finding.getSources().get(0).getPartition()
                    && rec.offset() == finding.getSources().get(0).getOffset()).findFirst().orElseThrow();
            assertThat(cited.value().getEventId()).as("the source reference points at the exact record").isEqualTo("aaaaaaaa-0000-0000-0000-000000000002");

            assertThat(r.actions()).isNotEmpty().allSatisfy(a -> {
                assertThat(a.getFindingId()).isEqualTo(finding.getId());
                assertThat(a.getDryRun()).isTrue();
            });

            List<DeadLetter> unreadable = TopicReader.read(runtime.clientProps(), runtime.wire(), Topics.COLLECTOR_DLQ, Map.of())
                    .stream().map(rec -> rec.value()).toList();
            assertThat(unreadable).singleElement().satisfies(d -> {
                assertThat(d.getReason()).isEqualTo("unknown_format");
                assertThat(d.getSource()).endsWith("noise.bin");
                assertThat(d.getPayloadLength()).isEqualTo(4096);
            });
            var auditDlq = TopicReader.read(runtime.clientProps(), runtime.wire(), Topics.dlq(Topics.AUDIT_EVENTS.name()), Map.of());
            assertThat(auditDlq).singleElement().satisfies(d -> assertThat(d.value().getPosition()).isEqualTo("record 3"));
        }
    }
}
