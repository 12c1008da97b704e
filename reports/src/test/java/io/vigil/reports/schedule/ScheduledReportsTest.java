package io.vigil.reports.schedule;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.reports.ReportCommand;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.AvroSerde;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Each closed period's report, written once, to a folder or to S3 (moto_server), from a real broker's topics. */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledReportsTest {
    private static final SingleObjectWireFormat WIRE = new SingleObjectWireFormat();
    /** T0 is Sunday 2024-08-18 13:00 UTC; the next finding falls on Monday. */
    private static final Finding SUNDAY = finding("f-sun", "audit.sensitive_call", Severity.HIGH, T0, 5).build();
    private static final Finding MONDAY = finding("f-mon", "flow.port_scan", Severity.LOW, T0.plus(Duration.ofDays(1)), 5).build();

    private ReportCommand reports;

    @BeforeAll
    void writeFindings(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)).toList()).all().get();
        }
        try (var p = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Finding f : List.of(SUNDAY, MONDAY)) {
                byte[] bytes = new AvroSerde<>(Finding.class, WIRE).serializer().serialize(Topics.FINDINGS.name(), f);
                p.send(new ProducerRecord<>(Topics.FINDINGS.name(), f.getEntity().getBytes(StandardCharsets.UTF_8), bytes)).get();
            }
        }
        reports = new ReportCommand(Map.of("bootstrap.servers", kafka.bootstrapServers()), WIRE);
    }

    private ScheduledReports at(String now, Period period, ReportSink sink) {
        return new ScheduledReports(reports, period, Duration.ofMinutes(10), sink, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    @Test
    void aDayIsWrittenOnceItHasClosedAndItsGraceHasPassed(@TempDir Path dir) throws Exception {
        FolderSink folder = new FolderSink(dir);

        assertThat(at("2024-08-19T00:05:00Z", Period.DAILY, folder).runDue()).as("Saturday, before Sunday's grace ends").isPresent();
        assertThat(dir.resolve("2024-08-17/findings.csv")).content().doesNotContain("f-sun");
        ScheduledReports afterGrace = at("2024-08-19T00:15:00Z", Period.DAILY, folder);
        assertThat(afterGrace.runDue()).isPresent();
        assertThat(dir.resolve("2024-08-18/findings.csv")).content().contains("f-sun").doesNotContain("f-mon");
        assertThat(dir.resolve("2024-08-18/report.html")).isRegularFile();
        assertThat(afterGrace.runDue()).as("written already").isEmpty();
        assertThat(afterGrace.nextDue()).isEqualTo(Instant.parse("2024-08-20T00:10:00Z"));
    }

    @Test
    @ExtendWith(MotoExtension.class)
    void aWeekGoesToS3UnderItsName(MotoServer moto) throws Exception {
        try (S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.createBucket(b -> b.bucket("reports"));
            ScheduledReports weekly = at("2024-08-19T06:00:00Z", Period.WEEKLY, new S3Sink(s3, "s3://reports/vigil/weekly"));

            assertThat(weekly.runDue()).hasValueSatisfying(keys -> assertThat(keys).contains("s3://reports/vigil/weekly/2024-W33/report.html"));

            String html = s3.getObjectAsBytes(r -> r.bucket("reports").key("vigil/weekly/2024-W33/report.html")).asUtf8String();
            assertThat(html).contains("Vigil report", "2024-08-12T00:00:00Z");
            var head = s3.headObject(r -> r.bucket("reports").key("vigil/weekly/2024-W33/findings.csv"));
            assertThat(head.contentType()).startsWith("text/csv");
            String csv = s3.getObjectAsBytes(r -> r.bucket("reports").key("vigil/weekly/2024-W33/findings.csv")).asUtf8String();
            assertThat(csv).contains("f-sun").doesNotContain("f-mon");
            assertThat(weekly.runDue()).isEmpty();
        }
    }
}
