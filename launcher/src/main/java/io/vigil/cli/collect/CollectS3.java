package io.vigil.cli.collect;

import io.vigil.collectors.source.s3.S3PrefixSource;
import io.vigil.collectors.source.s3.S3Fetcher;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

@Command(name = "s3", mixinStandardHelpOptions = true,
        description = {"Every object under an S3 prefix, in key order, resuming after the last key read (AWS log keys sort by date).",
                "Objects that land under keys sorting before that are missed: use 'collect sqs' with the bucket's notifications for those."})
final class CollectS3 implements Callable<Integer> {
    @Mixin
    CollectorOptions options;

    @Mixin
    AwsOptions aws;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The bucket the logs are delivered to.")
    String bucket;

    @Option(names = "--prefix", defaultValue = "", paramLabel = "PREFIX", description = "Key prefix, e.g. AWSLogs/123456789012/vpcflowlogs/ (default: the whole bucket).")
    String prefix;

    @Option(names = "--exclude", paramLabel = "REGEX",
            description = "Keys not to read (default: CloudTrail digests and Config's write checks, which are not logs).")
    String exclude;

    @Override
    public Integer call() throws Exception {
        Pattern excluded;
        try {
            excluded = exclude == null ? S3PrefixSource.DEFAULT_EXCLUDE : Pattern.compile(exclude);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--exclude '" + exclude + "': expected a Java regular expression (" + e.getDescription() + ")");
        }
        try (S3Client s3 = aws.clients().s3()) {
            return CollectorService.run(new S3PrefixSource(s3, bucket, prefix, excluded), Optional.of(new S3Fetcher(s3)), options);
        }
    }
}
