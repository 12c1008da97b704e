package io.vigil.reports;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.action;
import static io.vigil.reports.TestRecords.audit;
import static io.vigil.reports.TestRecords.finding;
import static io.vigil.reports.TestRecords.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.reports.analysis.SourceStats;
import io.vigil.reports.render.chromium.HeadlessChromium;
import io.vigil.reports.source.TopicReader;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.Severity;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.AvroSerde;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReportCommand} against a real broker: topics written as the services write them, read back into every format. */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandIntegrationTest {
    private static final WireFormat WIRE = new SingleObjectWireFormat();
    private static final Finding STOP_LOGGING = finding("f-in-1", "audit.sensitive_call", Severity.CRITICAL, T0, 5).build();
    private static final Finding SG_DRIFT = finding("f-in-2", "config.security_group_drift", Severity.HIGH, T0.plusSeconds(600), 40)
            .setKind(FindingKind.drift).setEntity("sg-0123").build();
    private static final Finding LAST_WEEK = finding("f-out", "flow.port_scan", Severity.LOW, T0.minus(Duration.ofDays(7)), 1).build();

    private String bootstrap;

    @BeforeAll
    void writeTopics(EmbeddedKafka kafka) throws Exception {
        bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanup().kafkaValue()))).toList()).all().get();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            send(producer, Topics.FINDINGS, STOP_LOGGING.getEntity(), STOP_LOGGING);
            send(producer, Topics.FINDINGS, SG_DRIFT.getEntity(), SG_DRIFT);
            send(producer, Topics.FINDINGS, LAST_WEEK.getEntity(), LAST_WEEK);
            send(producer, Topics.FINDINGS, STOP_LOGGING.getEntity(), STOP_LOGGING);
            producer.send(new ProducerRecord<>(Topics.FINDINGS.name(), "not avro".getBytes(StandardCharsets.UTF_8))).get();
            send(producer, Topics.RESPONSE_ACTIONS, "k1/REQUESTED", action("k1", "f-in-1", ActionStatus.REQUESTED, T0.plusSeconds(8)).build());
            send(producer, Topics.RESPONSE_ACTIONS, "k1/EXECUTED", action("k1", "f-in-1", ActionStatus.EXECUTED, T0.plusSeconds(9))
                    .setDryRun(false).setCompletedAt(T0.plusSeconds(12)).build());
            send(producer, Topics.RESPONSE_ACTIONS, "k9/PLANNED", action("k9", "f-out", ActionStatus.PLANNED, T0).build());
            send(producer, Topics.INVENTORY_HOST, "i-1", pkg("i-1", InventoryAction.SNAPSHOT, T0, "openssl", "3.0.11").build());
            send(producer, Topics.INVENTORY_HOST, "i-2", pkg("i-2", InventoryAction.ADDED, T0, "openssl", "3.0.11").build());
            send(producer, Topics.AUDIT_EVENTS, "alice", audit("e1", "arn:aws:iam::123456789012:user/alice", T0).build());
            send(producer, Topics.AUDIT_EVENTS, "alice", audit("e2", "arn:aws:iam::123456789012:user/alice", T0.plusSeconds(1)).build());
            send(producer, Topics.AUDIT_EVENTS, "bob", audit("e3", "arn:aws:iam::123456789012:user/bob", T0.plusSeconds(2)).build());
        }
    }

    private static <V extends SpecificRecord> void send(KafkaProducer<byte[], byte[]> producer, TopicSpec<V> topic, String key, V value)
            throws Exception {
        byte[] bytes = new AvroSerde<>(topic.valueType(), WIRE).serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8), bytes)).get();
    }

    private ReportCommand command() {
        // a group id passed along with the launcher's common settings must not make the report join a group
        return new ReportCommand(Map.of("bootstrap.servers", bootstrap, "group.id", "someone-elses-group"), WIRE);
    }

    @Test
    void reportsTheFindingsInTheRangeWithTheirActionsAndTheBaseline(@TempDir Path out) throws Exception {
        ReportSummary summary = command().render(Optional.of(T0.minus(Duration.ofHours(1))), Optional.of(T0.plus(Duration.ofHours(1))), out);

        assertThat(summary.findings()).as("in range, the replayed duplicate counted once").isEqualTo(2);
        assertThat(summary.actions()).isEqualTo(1);
        assertThat(summary.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("report.html", "report.md", "findings.csv", "actions.csv", "detectors.csv", "hosts.csv");

        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("| audit.sensitive\\_call | 1 |", "| config.security\\_group\\_drift | 1 |")
                .doesNotContain("flow.port\\_scan")
                .contains("| credentials.deactivate\\_key | EXECUTED | no | 1 |")
                .contains("| Time to respond (finding to first action) | 1 | 3 s | 3 s | 3 s |")
                .contains("| Hosts | 2 |", "| Distinct packages (name and version) | 1 |", "| Distinct principals | 2 |")
                .contains("| findings | yes | 4 | 1 |");
        assertThat(Files.readString(out.resolve("findings.csv")).lines()).hasSize(3);
        assertThat(Files.readString(out.resolve("report.html"))).contains("Content-Security-Policy", "<svg");
        // the report of real topics opens in a browser without a console message (skipped without chromium)
        HeadlessChromium.find(out).ifPresent(chromium -> {
            try {
                HeadlessChromium.Run dom = chromium.dumpDom(out.resolve("report.html"));
                assertThat(dom.console()).isEmpty();
                assertThat(dom.stdout()).contains("class=\"chart\"", "audit.sensitive_call");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void withoutBoundsReportsEverythingAndJoinsNoGroup(@TempDir Path out) throws Exception {
        ReportSummary summary = command().render(Optional.empty(), Optional.empty(), out);

        assertThat(summary.findings()).isEqualTo(3);
        assertThat(summary.actions()).isEqualTo(2);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertThat(admin.listGroups().all().get()).isEmpty();
        }
    }

    @Test
    void aTopicThatDoesNotExistReadsAsEmpty() {
        try (TopicReader reader = new TopicReader(Map.of("bootstrap.servers", bootstrap), WIRE)) {
            SourceStats stats = reader.read(Topics.dlq("no-such-topic"), record -> {
                throw new AssertionError("no record expected, got " + record);
            });
            assertThat(stats).isEqualTo(new SourceStats("no-such-topic.dlq", false, 0, 0));
        }
    }
}
