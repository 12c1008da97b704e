package io.vigil.streams.detect.flow;

import static io.vigil.streams.baseline.TestFlows.flow;
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
import io.vigil.streams.baseline.TestFlows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real broker: the baseline learned before a restart is still there after it, even with the local
 * state directory gone — the write-behind store flushed it to its changelog before committing, and the
 * restarted app restored it from there and keeps judging against it.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class FlowStateRestoreTest {
    private static final String FLOWS = "restore.flows";
    private static final String FINDINGS = "restore.findings";
    private final WireFormat wire = new SingleObjectWireFormat();

    @TempDir
    Path dir;

    @Test
    void theBaselineSurvivesLosingTheLocalState(EmbeddedKafka kafka) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(FLOWS, 1, (short) 1), new NewTopic(FINDINGS, 1, (short) 1))).all().get();
            FlowRecord db = flow("10.0.0.5", 40000, "10.0.1.10", 5432).direction("egress").build();
            produce(client, db, FlowRecord.newBuilder(db).setStart(TestFlows.T0.plusSeconds(90_000)).build());
            runUntilCommitted(admin, client, dir.resolve("first"), 2);
            deleteRecursively(dir.resolve("first"));

            produce(client, flow("10.0.0.5", 40001, "10.0.2.2", 22).direction("egress").afterSeconds(90_100).build());
            runUntilCommitted(admin, client, dir.resolve("second"), 3);
            List<Finding> findings = findings(client);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.getDetector()).isEqualTo(NewPeerServiceDetector.NAME);
                assertThat(f.getEvidence().getBaseline()).containsEntry("records", "2").containsEntry("known_peer_services", "1")
                        .containsEntry("service_known", "no");
            });
        }
    }

    private void runUntilCommitted(Admin admin, Map<String, Object> client, Path state, long offset) {
        Map<String, Object> user = new HashMap<>(client);
        user.put("application.id", "flow-restore");
        user.put(FlowConfig.SOURCE_TOPIC, FLOWS);
        user.put(FlowConfig.FINDINGS_TOPIC, FINDINGS);
        StreamsBuilder builder = new StreamsBuilder();
        FlowDetections.addTo(builder, wire, Clock.systemUTC(), FlowConfig.from(user));
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(user, state));
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        try {
            streams.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var committed = admin.listConsumerGroupOffsets("flow-restore").partitionsToOffsetAndMetadata().get()
                        .get(new TopicPartition(FLOWS, 0));
                return committed != null && committed.offset() >= offset;
            });
        } finally {
            // Leaving the group lets the restarted instance take the partition without waiting out the session.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
        }
    }

    private void produce(Map<String, Object> client, FlowRecord... flows) {
        try (var producer = new KafkaProducer<>(client, Topics.FLOWS_RAW.keySerde().serializer(), Topics.FLOWS_RAW.valueSerde(wire).serializer())) {
            for (FlowRecord r : flows) {
                producer.send(new ProducerRecord<>(FLOWS, null, r.getStart().toEpochMilli(), r.getInterfaceId(), r));
            }
        }
    }

    private List<Finding> findings(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put("isolation.level", "read_committed");
        List<Finding> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, Topics.FINDINGS.keySerde().deserializer(), Topics.FINDINGS.valueSerde(wire).deserializer())) {
            TopicPartition tp = new TopicPartition(FINDINGS, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
                return consumer.position(tp) >= end;
            });
        }
        return out;
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
