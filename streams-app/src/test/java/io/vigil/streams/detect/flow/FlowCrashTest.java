package io.vigil.streams.detect.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.bench.SyntheticFlows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the write-behind profile cache, on a real broker. A flow topology in a JVM of its own is
 * killed (SIGKILL: no close, no flush, a transaction open, live profile changes not yet written) halfway
 * through the input; a new instance on the same state directory takes over. Its findings and its stored
 * baselines must be exactly those of a run that never crashed: every committed offset had its state in
 * the store and changelog, and nothing of the aborted transaction leaked into either. The crashing run
 * keeps only 50 live profiles for 600 entities, so profiles pushed out of the cache (written at once,
 * between commits) are part of what is lost and restored.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class FlowCrashTest {
    private static final String FLOWS = "crash.flows";
    private static final long RECORDS = 150_000;
    private static final WireFormat WIRE = new SingleObjectWireFormat();

    @TempDir
    Path dir;

    @Test
    void aKilledInstancesSuccessorEndsWhereAnUninterruptedRunEnds(EmbeddedKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(FLOWS, 2, (short) 1), new NewTopic("crash.findings.reference", 1, (short) 1),
                    new NewTopic("crash.findings.crashed", 1, (short) 1))).all().get();
            produce(bootstrap);
            Map<TopicPartition, Long> ends = ends(admin);

            Map<String, Object> reference = settings(bootstrap, "crash-reference", "crash.findings.reference", 10_000);
            Map<String, byte[]> referenceState;
            KafkaStreams uninterrupted = topology(reference, dir.resolve("reference"));
            try {
                uninterrupted.start();
                awaitCommitted(admin, "crash-reference", ends);
                referenceState = state(uninterrupted);
            } finally {
                close(uninterrupted);
            }

            Map<String, Object> crashing = settings(bootstrap, "crash-run", "crash.findings.crashed", 50);
            Path state = dir.resolve("crashing");
            Process child = startProcess(crashing, state);
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> !child.isAlive() || committed(admin, "crash-run") >= RECORDS / 3);
                assertThat(child.isAlive()).as("the child JVM runs until killed").isTrue();
            } finally {
                child.destroyForcibly().waitFor();
            }
            long atCrash = committed(admin, "crash-run");
            assertThat(atCrash).as("killed halfway, not after the end").isBetween(1L, RECORDS - 1);

            KafkaStreams successor = topology(crashing, state);
            Map<String, byte[]> successorState;
            try {
                successor.start();
                awaitCommitted(admin, "crash-run", ends);
                successorState = state(successor);
            } finally {
                close(successor);
            }

            Map<Integer, List<String>> expected = findings(bootstrap, "crash.findings.reference");
            assertThat(expected.values()).as("the input raises findings on both partitions").hasSize(2).allSatisfy(f -> assertThat(f).isNotEmpty());
            assertThat(findings(bootstrap, "crash.findings.crashed")).as("findings, in order, after the crash").isEqualTo(expected);
            assertThat(successorState.keySet()).isEqualTo(referenceState.keySet());
            referenceState.forEach((key, value) -> assertThat(successorState.get(key)).as("stored part %s", key).isEqualTo(value));
        }
    }

    /** The production flow topology with Vigil's streams settings (exactly-once), committing every 100 ms so the kill lands between commits. */
    static KafkaStreams topology(Map<String, Object> user, Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        FlowDetections.addTo(builder, WIRE, Clock.systemUTC(), FlowConfig.from(user));
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(user, state));
        return new KafkaStreams(builder.build(), props);
    }

    private static Map<String, Object> settings(String bootstrap, String applicationId, String findings, int cachedProfiles) {
        Map<String, Object> user = new HashMap<>();
        user.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        user.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        user.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        user.put(FlowConfig.SOURCE_TOPIC, FLOWS);
        user.put(FlowConfig.FINDINGS_TOPIC, findings);
        user.put(FlowConfig.CACHED_PROFILES, Integer.toString(cachedProfiles));
        return user;
    }

    private static Process startProcess(Map<String, Object> user, Path state) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FlowTopologyProcess.class.getName(),
                (String) user.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG), (String) user.get(StreamsConfig.APPLICATION_ID_CONFIG), state.toString()));
        user.forEach((k, v) -> command.add(k + "=" + v));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void produce(String bootstrap) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "linger.ms", 20, "batch.size", 256 * 1024);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            SyntheticFlows flows = new SyntheticFlows(7L, RECORDS);
            while (flows.hasNext()) {
                FlowRecord r = flows.next();
                producer.send(new ProducerRecord<>(FLOWS, null, r.getStart().toEpochMilli(), r.getInterfaceId(), WIRE.encode(FLOWS, r)));
            }
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = Map.of(new TopicPartition(FLOWS, 0), OffsetSpec.latest(), new TopicPartition(FLOWS, 1), OffsetSpec.latest());
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static long committed(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static void awaitCommitted(Admin admin, String group, Map<TopicPartition, Long> ends) {
        long all = ends.values().stream().mapToLong(Long::longValue).sum();
        await().atMost(Duration.ofSeconds(180)).until(() -> committed(admin, group) >= all);
    }

    /** Every stored part of every profile (flushed: the topology has committed its last offset). */
    private static Map<String, byte[]> state(KafkaStreams streams) {
        Map<String, byte[]> parts = new TreeMap<>();
        var store = streams.store(StoreQueryParameters.fromNameAndType(FlowDetections.STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
        try (var all = store.all()) {
            all.forEachRemaining(kv -> parts.put(kv.key, kv.value));
        }
        return parts;
    }

    /**
     * The committed findings on a topic, each as what it says (everything but the wall-clock detected_at), in order
     * per input partition: the two tasks' findings interleave on the findings topic as their threads happen to run.
     */
    private static Map<Integer, List<String>> findings(String bootstrap, String topic) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed");
        Map<Integer, List<String>> out = new TreeMap<>();
        try (var consumer = new KafkaConsumer<>(props, Topics.FINDINGS.keySerde().deserializer(), Topics.FINDINGS.valueSerde(WIRE).deserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    Finding f = Finding.newBuilder(r.value()).setDetectedAt(Instant.EPOCH).build();
                    out.computeIfAbsent(f.getSources().get(0).getPartition(), p -> new ArrayList<>()).add(r.key() + " " + f);
                });
                return consumer.position(tp) >= end;
            });
        }
        return out;
    }

    private static void close(KafkaStreams streams) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
    }
}
