package io.vigil.cli.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.cli.kafka.Offsets;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.collectors.checkpoint.CheckpointedCollector;
import io.vigil.collectors.checkpoint.Checkpoints;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.input.Input;
import io.vigil.collectors.input.InputCollector;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.responders.Responder;
import io.vigil.responders.ResponderOptions;
import io.vigil.responders.kafka.ResponderLoop;
import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilStreams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped ACLs on a broker with SASL/SCRAM and an authoriser that denies what is not allowed:
 * each service, running its own code as its own principal, does its work, and is refused the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclsTest {
    private static final WireFormat WIRE = new SingleObjectWireFormat();
    private EmbeddedKafka broker;

    @BeforeAll
    void secureBroker() throws Exception {
        broker = EmbeddedKafka.startSecured("admin-secret");
        TopicSetup.ensure(broker.clientProps()); // the operator creates the topics, as admin
        try (Admin admin = Admin.create(broker.clientProps())) {
            List<UserScramCredentialUpsertion> users = java.util.Arrays.stream(AclPlan.Service.values())
                    .map(s -> new UserScramCredentialUpsertion(user(s), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password(s))).toList();
            admin.alterUserScramCredentials(List.copyOf(users)).all().get();
            admin.createAcls(AclPlan.all()).all().get();
        }
        // Users and ACLs reach the broker through its metadata log, a moment after the calls return.
        for (AclPlan.Service s : AclPlan.Service.values()) {
            org.awaitility.Awaitility.await(user(s) + " authenticated and authorised").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> {
                        try (Admin as = Admin.create(as(s))) {
                            return !as.listTopics().names().get().isEmpty();
                        }
                    });
        }
    }

    @AfterAll
    void stop() {
        broker.close();
    }

    private static String user(AclPlan.Service s) {
        return s.principal().substring("User:".length());
    }

    private static String password(AclPlan.Service s) {
        return user(s) + "-secret";
    }

    private Map<String, Object> as(AclPlan.Service s) {
        return new HashMap<>(EmbeddedKafka.scramClient(broker.bootstrapServers(), user(s), password(s)));
    }

    @Test
    void theCollectorWritesInputsAndCheckpointsTransactionallyAndNothingElse() {
        Map<String, Object> collect = as(AclPlan.Service.COLLECT);
        Clock clock = Clock.systemUTC();
        try (Publisher publisher = Publisher.transactional(collect, WIRE, "vigil-collector-acl-test")) {
            Checkpoints checkpoints = Checkpoints.load(collect, WIRE, "acl-test", Optional.empty());
            CheckpointedCollector collector = new CheckpointedCollector(new InputCollector(new Readers(clock), publisher, clock, CollectorMetrics.none()),
                    publisher, checkpoints, clock, 100);
            byte[] flows = "2 111122223333 eni-0a 10.0.0.9 10.0.1.5 40000 22 6 3 180 1793491200 1793491260 ACCEPT OK\nnot a flow line\n"
                    .getBytes(StandardCharsets.UTF_8);
            var stats = collector.collect("acl-unit", Input.bytes("acl.log", flows), 0, Map.of(), true, Map.of());
            assertThat(stats.publishedCount()).isEqualTo(1);
            assertThat(stats.deadLetteredCount()).isEqualTo(1);
        }
        assertThatThrownBy(() -> Publisher.transactional(collect, WIRE, "someone-elses-transactions")).isInstanceOf(KafkaException.class);
        assertDenied(() -> produce(collect, Topics.FINDINGS.name()));
        assertDenied(() -> produce(collect, Topics.RESPONSE_ACTIONS.name()));
        assertDenied(() -> consume(collect, Topics.AUDIT_EVENTS.name()));
    }

    @Test
    void theStreamsAppReadsInputsAndWritesFindingsAndNothingElse(@TempDir Path state) throws Exception {
        Map<String, Object> streams = as(AclPlan.Service.STREAMS);
        produce(broker.clientProps(), Topics.RULES.name()); // rules are the operator's to write; the app reads them
        Map<String, Object> settings = StreamsSettings.of(streams, state);
        try (Admin admin = Admin.create(broker.clientProps()); VigilStreams app = new VigilStreams(settings, WIRE, Clock.systemUTC())) {
            app.start();
            Map<TopicPartition, Long> ends = Offsets.ends(admin, List.copyOf(app.sourceTopics()));
            Offsets.await("the streams app caught up under its ACLs", Duration.ofMinutes(3),
                    () -> Offsets.caughtUp(admin, StreamsSettings.DEFAULT_APPLICATION_ID, ends), app::failed);
            assertThat(app.failed()).isFalse();
        }
        assertDenied(() -> produce(streams, Topics.FLOWS_RAW.name()));
        assertDenied(() -> produce(streams, Topics.RESPONSE_ACTIONS.name()));
        assertDenied(() -> consume(streams, Topics.RESPONSE_ACTIONS.name()));
    }

    @Test
    void theResponderReadsFindingsAndWritesActionsAndNothingElse() throws Exception {
        Map<String, Object> respond = as(AclPlan.Service.RESPOND);
        try (KafkaProducer<String, byte[]> admin = new KafkaProducer<>(broker.clientProps(), new StringSerializer(), new ByteArraySerializer())) {
            Finding f = finding();
            admin.send(new ProducerRecord<>(Topics.FINDINGS.name(), f.getEntity(), WIRE.encode(Topics.FINDINGS.name(), f))).get();
        }
        try (Responder responder = Responder.create(ResponderOptions.dryRun())) {
            assertThat(new ResponderLoop(respond, WIRE, responder).drainToEnd()).isPositive();
        }
        assertThat(consume(broker.clientProps(), Topics.RESPONSE_ACTIONS.name())).isPositive();
        assertDenied(() -> produce(respond, Topics.FINDINGS.name()));
        assertDenied(() -> consume(respond, Topics.AUDIT_EVENTS.name()));
    }

    @Test
    void reportsOnlyRead() {
        Map<String, Object> report = as(AclPlan.Service.REPORT);
        assertThat(consume(report, Topics.FINDINGS.name())).isGreaterThanOrEqualTo(0);
        assertDenied(() -> produce(report, Topics.FINDINGS.name()));
        assertDenied(() -> produce(report, Topics.RESPONSE_ACTIONS.name()));
        assertDenied(() -> consume(report, Topics.COLLECTOR_CHECKPOINTS.name())); // inputs it may read back (incident reports), checkpoints not
    }

    @Test
    void theShippedScriptIsThePlan() throws Exception {
        Path shipped = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).resolve("deploy/kafka/acls.sh");
        assertThat(Files.readString(shipped.toAbsolutePath().normalize())).as("regenerate with: ./vigil acls > deploy/kafka/acls.sh").isEqualTo(AclPlan.script());
    }

    @Test
    void everyTopicOfTheCatalogueBelongsToSomeService() {
        java.util.Set<String> named = AclPlan.all().stream().map(b -> b.pattern().name()).collect(java.util.stream.Collectors.toSet());
        java.util.List<String> topics = new java.util.ArrayList<>(Topics.all().stream().map(t -> t.name()).toList());
        Topics.textTopics().forEach(t -> topics.add(t.name()));
        // response.actions.dlq is declared with every primary topic, but nothing decodes the ledger into a dead letter.
        topics.remove(Topics.dlq(Topics.RESPONSE_ACTIONS.name()).name());
        assertThat(named).as("a new topic needs its readers and writers in AclPlan").containsAll(topics);
    }

    private static void assertDenied(ThrowingRunnable action) {
        assertThatThrownBy(action::run).satisfies(e -> assertThat(rootOf(e)).isInstanceOf(AuthorizationException.class));
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof KafkaException && !(t instanceof AuthorizationException)) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static void produce(Map<String, Object> props, String topic) throws Exception {
        Map<String, Object> p = new HashMap<>(props);
        p.put("max.block.ms", 10_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "{}".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** Reads a topic from its start to its end; the number of records read. */
    private static long consume(Map<String, Object> props, String topic) {
        Map<String, Object> p = new HashMap<>(props);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            // The partitions from the catalogue: metadata hides a topic the principal may not describe.
            List<TopicPartition> partitions = java.util.stream.IntStream.range(0, Topics.byName(topic).orElseThrow().partitions())
                    .mapToObj(i -> new TopicPartition(topic, i)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long n = consumer.poll(Duration.ofMillis(200)).count(); // at least one fetch: it is what READ permits
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                n += consumer.poll(Duration.ofMillis(200)).count();
            }
            return n;
        }
    }

    private static Finding finding() {
        return Finding.newBuilder().setId("acl-finding-1").setKind(FindingKind.anomaly).setDetector("flow.port_scan").setSeverity(Severity.HIGH)
                .setEntity("i-0abc").setEntityType("instance").setAccount("111122223333").setEventTime(Instant.parse("2026-11-01T00:00:00Z"))
                .setDetectedAt(Instant.parse("2026-11-01T00:00:05Z")).setAttack(List.of("T1046")).setSummary("i-0abc scanned 200 ports")
                .setEvidence(new Evidence(Map.of(), Map.of(), "no baseline")).setSources(List.of()).setTags(List.of()).build();
    }
}
