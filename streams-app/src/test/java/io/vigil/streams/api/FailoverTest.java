package io.vigil.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.api.query.Answer;
import io.vigil.streams.api.query.BaselineKind;
import io.vigil.streams.api.query.LocalBaselines;
import io.vigil.streams.baseline.TestFlows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: two streams instances share the flow work, one is stopped, and the other
 * takes over its partitions with their learned baselines (restored from the changelogs) and keeps
 * detecting: every finding is written exactly once, none lost, none repeated, and the findings after
 * the take-over are judged against the baseline learned before it.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class FailoverTest {
    private static final String APP = "failover-test";
    private static final String NEW_PEER_SERVICE = "flow.new_peer_service";

    @Test
    void theSurvivorTakesOverTheStoppedInstancesBaselinesAndKeepsDetecting(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        TestTopics.createAll(bootstrap);
        List<String> interfaces = ApiFixtures.spread("eni-f", 6, 3);
        StreamsInstance a = new StreamsInstance(bootstrap, APP, dir.resolve("a"), api(), null);
        StreamsInstance b = new StreamsInstance(bootstrap, APP, dir.resolve("b"), api(), null);
        try {
            // Learning: two records per entity a day apart (past the 24 h learning period), the same peer and service.
            produce(bootstrap, interfaces, i -> List.of(egress(i, "10.0.1.10", 5432, 0), egress(i, "10.0.1.10", 5432, 90_000)));
            // Both running, each owning some flow partitions; each entity then reaches a new peer service.
            await().atMost(Duration.ofSeconds(90)).until(() -> a.running() && b.running() && ownsFlows(a) && ownsFlows(b));
            produce(bootstrap, interfaces, i -> List.of(egress(i, "10.0.2.2", 22, 90_100)));
            await().atMost(Duration.ofSeconds(90)).until(() -> findings(bootstrap).size() >= interfaces.size());

            b.close();
            produce(bootstrap, interfaces, i -> List.of(egress(i, "10.0.3.3", 22, 90_200)));
            await().atMost(Duration.ofSeconds(120)).until(() -> findings(bootstrap).size() >= 2 * interfaces.size());
            await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(bootstrap));

            List<Finding> findings = findings(bootstrap);
            assertThat(findings).hasSize(2 * interfaces.size());
            assertThat(findings.stream().map(Finding::getId).collect(Collectors.toSet())).as("no finding written twice").hasSize(findings.size());
            Map<String, List<Finding>> byEntity = findings.stream().collect(Collectors.groupingBy(Finding::getEntity));
            assertThat(byEntity.keySet()).isEqualTo(interfaces.stream().map(i -> "i-" + i).collect(Collectors.toSet()));
            for (List<Finding> ofEntity : byEntity.values()) {
                assertThat(ofEntity).extracting(Finding::getDetector).containsOnly(NEW_PEER_SERVICE);
                // The survivor judged the last record against everything learned before, wherever it was learned.
                assertThat(ofEntity).extracting(f -> f.getEvidence().getBaseline().get("records")).containsExactlyInAnyOrder("2", "3");
            }
            LocalBaselines survivor = new LocalBaselines(a.kafkaStreams());
            for (String i : interfaces) {
                Answer profile = survivor.read(BaselineKind.FLOWS, "i-" + i);
                assertThat(profile.body()).hasValueSatisfying(p -> assertThat(p.get("records")).isEqualTo(4L));
            }
        } finally {
            a.close();
            b.close();
        }
    }

    private interface Records {
        List<FlowRecord> of(String iface);
    }

    private static FlowRecord egress(String iface, String peer, int port, long seconds) {
        return TestFlows.flow("10.0.0.5", 40000, peer, port).direction("egress").iface(iface).instance("i-" + iface).afterSeconds(seconds).build();
    }

    private static Map<String, Object> api() throws Exception {
        return Map.of("vigil.api.port", ApiFixtures.freePort());
    }

    private static boolean ownsFlows(StreamsInstance instance) {
        return instance.kafkaStreams().metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream())
                .anyMatch(task -> task.topicPartitions().stream().anyMatch(tp -> tp.topic().equals(Topics.FLOWS_RAW.name())));
    }

    private static void produce(String bootstrap, List<String> interfaces, Records records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap), Topics.FLOWS_RAW.keySerde().serializer(),
                Topics.FLOWS_RAW.valueSerde(ApiFixtures.WIRE).serializer())) {
            for (String i : interfaces) {
                for (FlowRecord r : records.of(i)) {
                    producer.send(new ProducerRecord<>(Topics.FLOWS_RAW.name(), null, r.getStart().toEpochMilli(), i, r));
                }
            }
        }
    }

    /** The app's committed offsets on flows.raw have reached the topic's end: everything produced was processed. */
    private static boolean caughtUp(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
             var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                     new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var committed = admin.listConsumerGroupOffsets(APP).partitionsToOffsetAndMetadata().get();
            List<TopicPartition> flows = consumer.partitionsFor(Topics.FLOWS_RAW.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(flows);
            return flows.stream().allMatch(tp -> ends.get(tp) == 0 || committed.get(tp) != null && committed.get(tp).offset() >= ends.get(tp));
        }
    }

    /** Every committed finding on the findings topic. */
    private static List<Finding> findings(String bootstrap) {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed"));
        List<Finding> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, Topics.FINDINGS.keySerde().deserializer(), Topics.FINDINGS.valueSerde(ApiFixtures.WIRE).deserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.FINDINGS.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            Set<TopicPartition> pending = new java.util.HashSet<>(parts);
            while (!pending.isEmpty()) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
                pending.removeIf(tp -> consumer.position(tp) >= end.get(tp));
            }
        }
        return out;
    }
}
