package io.vigil.collectors.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.CollectorHarness;
import io.vigil.collectors.source.Samples;
import io.vigil.collectors.source.aws.SourceClients;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.topics.Topics;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS source against moto_server: S3 notifications lead to the objects, a Config notification
 * through SNS is read as itself, test events are dropped, every message is deleted once committed, and
 * a notification delivered again reads nothing twice.
 */
@ExtendWith({EmbeddedKafkaExtension.class, MotoExtension.class})
class SqsNotificationSourceMotoTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void notificationsAreFollowedToTheirObjectsOnceAndDeleted(EmbeddedKafka broker, MotoServer moto) throws Exception {
        String bootstrap = broker.bootstrapServers();
        CollectorHarness.createTopics(bootstrap);
        SourceClients clients = new SourceClients(Optional.of(moto.endpoint()), Optional.of("us-east-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        try (S3Client s3 = clients.s3(); SqsClient sqs = clients.sqs()) {
            s3.createBucket(b -> b.bucket("trail"));
            String key = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/01/111122223333_CloudTrail_us-east-1_20261101T0000Z_a b.json.gz";
            byte[] trail = Samples.cloudTrailGzip(3, T0);
            String etag = s3.putObject(b -> b.bucket("trail").key(key), RequestBody.fromBytes(trail)).eTag().replace("\"", ""); // notifications carry it unquoted
            String queue = sqs.createQueue(b -> b.queueName("vigil-logs")).queueUrl();
            String notification = Samples.s3Created("trail", key.replace(" ", "+"), trail.length, etag);
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(notification));
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(Samples.snsConfigNotification(T0)));
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"trail\"}"));
            SqsNotificationSource source = new SqsNotificationSource(sqs, s3, queue, 1);

            List<InputStats> read = new ArrayList<>();
            try (CollectorHarness collector = CollectorHarness.start(bootstrap, "sqs-test", 100, Optional.of(T0.minus(Duration.ofDays(14))))) {
                await("the queue drained").atMost(Duration.ofMinutes(1)).until(() -> {
                    read.addAll(source.poll(collector.collector()));
                    return waiting(sqs, queue) == 0;
                });
                assertThat(read).extracting(InputStats::format).containsExactlyInAnyOrder("cloudtrail", "awsconfig");
                assertThat(read).filteredOn(s -> s.format().equals("cloudtrail")).singleElement()
                        .satisfies(s -> assertThat(s.path()).isEqualTo("s3://trail/" + key))
                        .satisfies(s -> assertThat(s.publishedCount()).isEqualTo(3));

                // Delivered again (as when a collector dies between its commit and the delete): recognised, deleted, not re-read.
                sqs.sendMessage(b -> b.queueUrl(queue).messageBody(notification));
                List<InputStats> again = new ArrayList<>();
                await("the repeated notification deleted").atMost(Duration.ofMinutes(1)).until(() -> {
                    again.addAll(source.poll(collector.collector()));
                    return waiting(sqs, queue) == 0;
                });
                assertThat(again).isEmpty();
            }
        }
        assertThat(CollectorHarness.readCommitted(bootstrap, Topics.AUDIT_EVENTS.name())).hasSize(3);
        assertThat(CollectorHarness.readCommitted(bootstrap, Topics.CONFIG_CHANGES.name())).hasSize(1);
        assertThat(CollectorHarness.readCommitted(bootstrap, Topics.COLLECTOR_DLQ.name())).isEmpty();
    }

    private static int waiting(SqsClient sqs, String queue) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
