package io.vigil.collectors.source.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.CollectorHarness;
import io.vigil.collectors.source.Samples;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.topics.Topics;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 prefix source against moto_server: log keys read in order, digests passed over, resumption after the last key read. */
@ExtendWith({EmbeddedKafkaExtension.class, MotoExtension.class})
class S3PrefixSourceMotoTest {
    private static final String BUCKET = "org-logs";
    private static final String PREFIX = "AWSLogs/111122223333/vpcflowlogs/us-east-1/";
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static S3Client s3(MotoServer moto) {
        return new io.vigil.collectors.source.aws.SourceClients(Optional.of(moto.endpoint()), Optional.of("us-east-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).s3();
    }

    @Test
    void readsEveryLogUnderThePrefixOnceAndResumesAfterTheLastKey(EmbeddedKafka broker, MotoServer moto) throws Exception {
        String bootstrap = broker.bootstrapServers();
        CollectorHarness.createTopics(bootstrap);
        try (S3Client s3 = s3(moto)) {
            s3.createBucket(b -> b.bucket(BUCKET));
            put(s3, PREFIX + "2026/11/01/111122223333_vpcflowlogs_us-east-1_fl-1_20261101T0000Z_a1.log.gz", Samples.flowLogGzip(50, T0));
            put(s3, PREFIX + "2026/11/02/111122223333_vpcflowlogs_us-east-1_fl-1_20261102T0000Z_b2.log.gz", Samples.flowLogGzip(30, T0.plusSeconds(86_400)));
            put(s3, PREFIX + "2026/11/02/", new byte[0]); // a folder marker
            put(s3, "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/01/digest.json.gz", Samples.gzip("{\"awsAccountId\":\"111122223333\"}"));
            S3PrefixSource source = new S3PrefixSource(s3, BUCKET, "AWSLogs/", S3PrefixSource.DEFAULT_EXCLUDE);

            try (CollectorHarness first = CollectorHarness.start(bootstrap, "s3-test", 20, Optional.empty())) {
                List<InputStats> read = source.poll(first.collector());
                assertThat(read).extracting(InputStats::path).containsExactly(
                        "s3://" + BUCKET + "/" + PREFIX + "2026/11/01/111122223333_vpcflowlogs_us-east-1_fl-1_20261101T0000Z_a1.log.gz",
                        "s3://" + BUCKET + "/" + PREFIX + "2026/11/02/111122223333_vpcflowlogs_us-east-1_fl-1_20261102T0000Z_b2.log.gz");
                assertThat(read).extracting(InputStats::publishedCount).containsExactly(50L, 30L);
                assertThat(read).extracting(InputStats::format).containsOnly("vpcflow");

                put(s3, PREFIX + "2026/11/03/111122223333_vpcflowlogs_us-east-1_fl-1_20261103T0000Z_c3.log.gz", Samples.flowLogGzip(10, T0.plusSeconds(2 * 86_400)));
                assertThat(source.poll(first.collector())).extracting(InputStats::publishedCount).containsExactly(10L);
            }
            try (CollectorHarness restarted = CollectorHarness.start(bootstrap, "s3-test", 20, Optional.empty())) {
                assertThat(source.poll(restarted.collector())).as("a restarted collector reads nothing twice").isEmpty();
            }
        }
        assertThat(CollectorHarness.readCommitted(bootstrap, Topics.FLOWS_RAW.name())).hasSize(90);
        assertThat(CollectorHarness.readCommitted(bootstrap, Topics.COLLECTOR_DLQ.name())).as("the digest is not read as a log").isEmpty();
    }

    private static void put(S3Client s3, String key, byte[] content) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
    }
}
