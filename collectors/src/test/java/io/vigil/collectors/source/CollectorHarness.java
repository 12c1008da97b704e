package io.vigil.collectors.source;

import io.vigil.collectors.checkpoint.CheckpointedCollector;
import io.vigil.collectors.checkpoint.Checkpoints;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.input.InputCollector;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** A transactional collector against a real broker, as the CLI builds it, and a read_committed view of the topics. */
public final class CollectorHarness implements AutoCloseable {
    public static final WireFormat WIRE = new SingleObjectWireFormat();
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), java.time.ZoneOffset.UTC);

    private final Publisher publisher;
    private final CheckpointedCollector collector;

    private CollectorHarness(Publisher publisher, CheckpointedCollector collector) {
        this.publisher = publisher;
        this.collector = collector;
    }

    /** Starts a collector as the CLI does: the transactional publisher first (fencing any earlier one), then its checkpoints. */
    public static CollectorHarness start(String bootstrap, String id, long chunk, Optional<Instant> notBefore) {
        Publisher publisher = Publisher.transactional(props(bootstrap), WIRE, "vigil-collector-" + id);
        Checkpoints checkpoints = Checkpoints.load(props(bootstrap), WIRE, id, notBefore);
        InputCollector inputs = new InputCollector(new Readers(CLOCK), publisher, CLOCK, CollectorMetrics.none());
        return new CollectorHarness(publisher, new CheckpointedCollector(inputs, publisher, checkpoints, CLOCK, chunk));
    }

    public CheckpointedCollector collector() {
        return collector;
    }

    @Override
    public void close() {
        publisher.close();
    }

    public static Map<String, Object> props(String bootstrap) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }

    public static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(props(bootstrap))) {
            admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)).toList()).all().get();
        }
    }

    /**
     * Every committed record of a topic, partition by partition in offset order, once no transaction is open on it: a commit
     * returns before the coordinator has written its markers, and until then the last stable offset hides what it committed.
     */
    public static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrap, String topic) {
        Map<String, Object> p = props(bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
                KafkaConsumer<String, byte[]> uncommitted = new KafkaConsumer<>(props(bootstrap), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = Awaitility.await("no open transaction on " + topic).atMost(Duration.ofSeconds(60))
                    .until(() -> consumer.endOffsets(partitions), stable -> stable.equals(uncommitted.endOffsets(partitions)));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        out.sort(java.util.Comparator.comparing((ConsumerRecord<String, byte[]> r) -> r.partition()).thenComparing(ConsumerRecord::offset));
        return out;
    }
}
