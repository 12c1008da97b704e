package io.vigil.collectors.source.sqs;

import io.vigil.collectors.checkpoint.CheckpointedCollector;
import io.vigil.collectors.input.Input;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.Source;
import io.vigil.collectors.source.s3.S3Object;
import io.vigil.schemas.SourceCheckpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * An SQS queue of S3 event notifications (the objects are read from S3) or of messages that are
 * inputs themselves (Config notifications through SNS, CloudTrail events through EventBridge). A
 * message is deleted only after everything it pointed at was committed; a message delivered again
 * (the collector died before deleting it, or its visibility timeout ran out) finds its objects'
 * checkpoints complete and is deleted without re-reading them. SQS keeps a message 14 days at most,
 * so older checkpoints are not loaded.
 */
public final class SqsNotificationSource implements Source {
    private static final Logger LOG = LoggerFactory.getLogger(SqsNotificationSource.class);
    private static final Duration MAX_RETENTION = Duration.ofDays(14);

    private final SqsClient sqs;
    private final S3Client s3;
    private final String queueUrl;
    private final int waitSeconds;

    public SqsNotificationSource(SqsClient sqs, S3Client s3, String queueUrl, int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > 20) {
            throw new IllegalArgumentException("wait must be 0 to 20 seconds (SQS long polling), was " + waitSeconds);
        }
        this.sqs = sqs;
        this.s3 = s3;
        this.queueUrl = queueUrl;
        this.waitSeconds = waitSeconds;
    }

    @Override
    public String kind() {
        return "sqs";
    }

    @Override
    public String target() {
        return queueUrl;
    }

    @Override
    public Optional<Duration> checkpointRelevance() {
        return Optional.of(MAX_RETENTION);
    }

    @Override
    public List<InputStats> poll(CheckpointedCollector collector) {
        List<Message> messages = sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(queueUrl)
                .maxNumberOfMessages(10).waitTimeSeconds(waitSeconds).build()).messages();
        List<InputStats> out = new ArrayList<>();
        for (Message m : messages) {
            Notification n = Notification.parse(m.body());
            if (n.isInput()) {
                read(collector, "sqs:" + m.messageId(), Input.bytes(queueUrl + "#" + m.messageId(), m.body().getBytes(StandardCharsets.UTF_8)), out);
            }
            for (Notification.CreatedObject o : n.objects()) {
                read(collector, "s3://" + o.bucket() + "/" + o.key() + "#" + o.version(), new S3Object(s3, o.bucket(), o.key(), o.size()), out);
            }
            delete(m);
        }
        return out;
    }

    private static void read(CheckpointedCollector collector, String unit, Input input, List<InputStats> out) {
        Optional<SourceCheckpoint> cp = collector.checkpoints().get(unit);
        if (cp.isPresent() && cp.get().getComplete()) {
            return; // a redelivered notification: committed before
        }
        out.add(collector.collect(unit, input, cp.map(SourceCheckpoint::getPosition).orElse(0L), Map.of(), true, Map.of()));
    }

    private void delete(Message m) {
        try {
            sqs.deleteMessage(DeleteMessageRequest.builder().queueUrl(queueUrl).receiptHandle(m.receiptHandle()).build());
        } catch (SqsException e) {
            // Its content is committed: when it comes back, its checkpoints say so and it is deleted then.
            LOG.warn("message {} read but not deleted ({}); it will be recognised when delivered again", m.messageId(), e.awsErrorDetails().errorCode());
        }
    }
}
