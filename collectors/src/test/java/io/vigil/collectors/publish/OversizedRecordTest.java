package io.vigil.collectors.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.CollectorHarness;
import io.vigil.collectors.source.file.FolderSource;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record bigger than the producer may send (here a CloudTrail event with a 1.5 MB user agent) is dead-lettered before it
 * is sent: inside a transaction the producer's refusal would abort the whole chunk, and the collector would retry it for ever.
 * The events around it are published, in the same transaction.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class OversizedRecordTest {
    private static final String EVENT = """
            {"eventVersion":"1.08","eventTime":"2026-03-01T10:00:0%dZ","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances",\
            "awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","userAgent":"%s","eventID":"00000000-0000-0000-0000-00000000000%d",\
            "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012"},\
            "recipientAccountId":"123456789012","eventType":"AwsApiCall"}""";

    @Test
    void aRecordTooLargeToSendIsDeadLetteredAndTheRestPublished(EmbeddedKafka broker, @TempDir Path dir) throws Exception {
        String bootstrap = broker.bootstrapServers();
        CollectorHarness.createTopics(bootstrap);
        Path folder = Files.createDirectories(dir.resolve("trail"));
        String huge = "a".repeat(1_500_000);
        Files.writeString(folder.resolve("events.jsonl"), EVENT.formatted(1, "aws-cli/2.15", 1) + "\n"
                + EVENT.formatted(2, huge, 2) + "\n" + EVENT.formatted(3, "aws-cli/2.15", 3) + "\n");

        List<InputStats> stats;
        try (CollectorHarness collector = CollectorHarness.start(bootstrap, "oversized", 100, Optional.empty())) {
            stats = new FolderSource(List.of(folder), Duration.ZERO, Clock.systemUTC()).poll(collector.collector());
        }

        assertThat(stats).singleElement().satisfies(s -> {
            assertThat(s.read()).isEqualTo(3);
            assertThat(s.publishedCount()).isEqualTo(2);
            assertThat(s.reasons()).containsEntry("publish_failed", 1L);
        });
        assertThat(CollectorHarness.readCommitted(bootstrap, Topics.AUDIT_EVENTS.name())).hasSize(2);
        List<ConsumerRecord<String, byte[]>> dead = CollectorHarness.readCommitted(bootstrap, Topics.dlq(Topics.AUDIT_EVENTS.name()).name());
        assertThat(dead).singleElement().satisfies(r -> {
            DeadLetter letter = CollectorHarness.WIRE.decode(Topics.dlq(Topics.AUDIT_EVENTS.name()).name(), r.value(), DeadLetter.class);
            assertThat(letter.getReason()).isEqualTo("publish_failed");
            assertThat(letter.getDetail()).contains("exceeds max.request.size");
            assertThat(letter.getPayloadLength()).isGreaterThan(1_500_000);
        });
    }
}
