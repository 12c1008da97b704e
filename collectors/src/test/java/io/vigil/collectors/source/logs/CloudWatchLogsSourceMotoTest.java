package io.vigil.collectors.source.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.CollectorHarness;
import io.vigil.collectors.source.Samples;
import io.vigil.collectors.source.aws.SourceClients;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.topics.Topics;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** The CloudWatch Logs source against moto_server: windows of event time read once each, in order, across restarts. */
@ExtendWith({EmbeddedKafkaExtension.class, MotoExtension.class})
class CloudWatchLogsSourceMotoTest {
    private static final String GROUP = "/aws/vpc/flowlogs";

    @Test
    void eachEventIsReadOnceWindowAfterWindow(EmbeddedKafka broker, MotoServer moto) throws Exception {
        String bootstrap = broker.bootstrapServers();
        CollectorHarness.createTopics(bootstrap);
        // CloudWatch Logs refuses events much older than now, so the test's time is anchored to the wall clock.
        Instant t0 = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        SourceClients clients = new SourceClients(Optional.of(moto.endpoint()), Optional.of("us-east-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        try (CloudWatchLogsClient logs = clients.logs()) {
            logs.createLogGroup(b -> b.logGroupName(GROUP));
            logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("eni-0123456789abcdef0-all"));
            put(logs, t0, 0, 20);

            Source source = new Source(logs, t0);
            try (CollectorHarness first = CollectorHarness.start(bootstrap, "cwl-test", 7, Optional.empty())) {
                List<InputStats> read = source.at(t0.plus(Duration.ofHours(1))).poll(first.collector());
                assertThat(read.stream().mapToLong(InputStats::publishedCount).sum()).isEqualTo(20);
                assertThat(read).allSatisfy(s -> assertThat(s.format()).isEqualTo("vpcflow"));

                put(logs, t0.plus(Duration.ofMinutes(70)), 20, 5);
                assertThat(source.at(t0.plus(Duration.ofHours(2))).poll(first.collector()).stream().mapToLong(InputStats::publishedCount).sum())
                        .as("only the events of the new windows").isEqualTo(5);
            }
            try (CollectorHarness restarted = CollectorHarness.start(bootstrap, "cwl-test", 7, Optional.empty())) {
                assertThat(source.at(t0.plus(Duration.ofHours(2))).poll(restarted.collector())).as("nothing read twice").isEmpty();
            }
        }
        assertThat(CollectorHarness.readCommitted(bootstrap, Topics.FLOWS_RAW.name())).hasSize(25);
    }

    /** The source as of a given time: windows of 5 minutes from a minute before the first event, no lag. */
    private record Source(CloudWatchLogsClient logs, Instant t0) {
        CloudWatchLogsSource at(Instant now) {
            return new CloudWatchLogsSource(logs, GROUP, Optional.empty(), t0.minus(Duration.ofMinutes(1)), Duration.ofMinutes(5), Duration.ZERO,
                    Clock.fixed(now, ZoneOffset.UTC));
        }
    }

    /** Flow log lines as VPC flow logs deliver them to CloudWatch Logs: one record per event, no header, 30 s apart. */
    private static void put(CloudWatchLogsClient logs, Instant from, int first, int count) {
        List<InputLogEvent> events = IntStream.range(0, count).mapToObj(i -> InputLogEvent.builder()
                .timestamp(from.plusSeconds(30L * i).toEpochMilli()).message(Samples.flowLine(first + i, from.plusSeconds(30L * i))).build()).toList();
        logs.putLogEvents(b -> b.logGroupName(GROUP).logStreamName("eni-0123456789abcdef0-all").logEvents(events));
    }
}
