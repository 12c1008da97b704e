package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicReader;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.cli.replay.ReplayPipeline;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A record the topology cannot decode goes to its topic's .dlq with its origin; the records after it are still judged. */
@ExtendWith(EmbeddedKafkaExtension.class)
class TopologyDeadLetterTest {

    @Test
    void undecodableInputIsDeadLetteredAndProcessingGoesOn(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        KafkaOptions options = new KafkaOptions();
        new CommandLine(options).parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.resolve("data").toString());
        try (KafkaRuntime runtime = KafkaRuntime.open(options)) {
            TopicSetup.ensure(runtime.clientProps());
            try (var producer = new KafkaProducer<>(runtime.clientProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
                byte[] key = "arn:aws:iam::123456789012:user/mallory".getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(Topics.AUDIT_EVENTS.name(), 0, key, "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>(Topics.FLOWS_RAW.name(), 0, key, new byte[] {(byte) 0xC3, 0x01, 9, 9})).get();
            }
            Path in = Files.createDirectories(dir.resolve("in"));
            Files.writeString(in.resolve("trail.json"), "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T10:00:00Z\","
                    + "\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"DeleteTrail\",\"eventID\":\"after-the-bad-one\","
                    + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::123456789012:user/mallory\"}}]}");

            var result = new ReplayPipeline(runtime, Duration.ofMinutes(2), Clock.systemUTC()).run(List.of(in));

            assertThat(result.findings()).extracting(f -> f.getEvidence().getObserved().get("event_id")).containsExactly("after-the-bad-one");
            var auditDlq = TopicReader.read(runtime.clientProps(), runtime.wire(), Topics.dlq(Topics.AUDIT_EVENTS.name()), Map.of());
            assertThat(auditDlq).singleElement().satisfies(r -> {
                assertThat(r.value().getReason()).isEqualTo("undecodable");
                assertThat(r.value().getSourceTopic()).isEqualTo(Topics.AUDIT_EVENTS.name());
                assertThat(r.value().getSourceOffset()).isZero();
                assertThat(new String(r.value().getPayload().array(), StandardCharsets.UTF_8)).contains("not avro at all");
            });
            var flowDlq = TopicReader.read(runtime.clientProps(), runtime.wire(), Topics.dlq(Topics.FLOWS_RAW.name()), Map.of());
            assertThat(flowDlq).singleElement().satisfies(r -> assertThat(r.value().getSourceTopic()).isEqualTo(Topics.FLOWS_RAW.name()));
        }
    }
}
