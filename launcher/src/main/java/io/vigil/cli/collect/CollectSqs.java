package io.vigil.cli.collect;

import io.vigil.collectors.source.aws.SourceClients;
import io.vigil.collectors.source.sqs.SqsNotificationSource;
import io.vigil.collectors.source.s3.S3Fetcher;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

@Command(name = "sqs", mixinStandardHelpOptions = true,
        description = {"An SQS queue of S3 event notifications (direct, through SNS or EventBridge: the objects are read from S3),",
                "or of messages that are inputs themselves (Config notifications through SNS, CloudTrail events through EventBridge).",
                "A message is deleted once what it pointed at is committed. Give the queue a visibility timeout longer than an object takes."})
final class CollectSqs implements Callable<Integer> {
    @Mixin
    CollectorOptions options;

    @Mixin
    AwsOptions aws;

    @Option(names = "--queue-url", required = true, paramLabel = "URL", description = "The queue, e.g. https://sqs.eu-west-1.amazonaws.com/123456789012/vigil-logs.")
    String queueUrl;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "20", description = "Long-polling wait per receive, 0 to 20 (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        if (waitSeconds < 0 || waitSeconds > 20) {
            throw new IllegalArgumentException("--wait " + waitSeconds + ": expected 0 to 20 seconds (SQS long polling)");
        }
        SourceClients clients = aws.clients();
        try (SqsClient sqs = clients.sqs(); S3Client s3 = clients.s3()) {
            return CollectorService.run(new SqsNotificationSource(sqs, s3, queueUrl, waitSeconds), Optional.of(new S3Fetcher(s3)), options);
        }
    }
}
