package io.vigil.cli.collect;

import io.vigil.collectors.source.logs.CloudWatchLogsSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

@Command(name = "cloudwatch", mixinStandardHelpOptions = true,
        description = {"A CloudWatch Logs group (VPC flow logs, CloudTrail) read with FilterLogEvents in consecutive windows of event time,",
                "each committed with the start of the next; a window ends --lag before now, for events CloudWatch Logs accepts late."})
final class CollectCloudWatch implements Callable<Integer> {
    @Mixin
    CollectorOptions options;

    @Mixin
    AwsOptions aws;

    @Option(names = "--log-group", required = true, paramLabel = "NAME", description = "The log group, e.g. /aws/vpc/flowlogs.")
    String group;

    @Option(names = "--filter-pattern", paramLabel = "PATTERN", description = "A CloudWatch Logs filter pattern (default: every event).")
    String filterPattern;

    @Option(names = "--start", paramLabel = "INSTANT", description = "Where to begin without a checkpoint, ISO-8601 (default: one hour ago).")
    Instant start;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "PT5M", description = "Event time read per window, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--lag", paramLabel = "DURATION", defaultValue = "PT2M",
            description = "How far behind now a window ends, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration lag;

    @Override
    public Integer call() throws Exception {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("--window " + window + ": expected a positive ISO-8601 duration such as PT5M");
        }
        if (lag.isNegative()) {
            throw new IllegalArgumentException("--lag " + lag + ": expected a duration >= 0 such as PT2M");
        }
        Clock clock = Clock.systemUTC();
        Instant from = start != null ? start : clock.instant().minus(Duration.ofHours(1));
        try (CloudWatchLogsClient logs = aws.clients().logs()) {
            return CollectorService.run(new CloudWatchLogsSource(logs, group, Optional.ofNullable(filterPattern), from, window, lag, clock),
                    options);
        }
    }
}
