package io.vigil.cli.hunt;

import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.Offsets;
import io.vigil.cli.kafka.TopicReader;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilStreams;
import io.vigil.streams.app.VigilTopology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hunt: the live detection families run over the input topics between two event times, under
 * their own application id and state, into their own topic {@code hunt.<id>.findings}. Live baselines
 * and live findings are never read or written. Start offsets come from {@code offsetsForTimes}.
 */
public final class HuntRun {
    private static final Logger LOG = LoggerFactory.getLogger(HuntRun.class);

    private final KafkaRuntime runtime;
    private final Duration timeout;

    public HuntRun(KafkaRuntime runtime, Duration timeout) {
        this.runtime = runtime;
        this.timeout = timeout;
    }

    public static String topicOf(String id) {
        return "hunt." + id + ".findings";
    }

    /** Runs the hunt and returns its findings, ordered by event time then id. */
    public List<Finding> run(String id, Instant from, Instant to, Predicate<String> detectors) throws Exception {
        if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("--id '" + id + "': expected letters, digits, '.', '_' or '-' (at most 100)");
        }
        String topic = topicOf(id);
        String appId = "vigil-hunt-" + id;
        Map<String, Object> client = runtime.clientProps();
        DetectionContext ctx = DetectionContext.hunt(runtime.wire(), Clock.systemUTC(), topic, from, to, detectors);
        try (Admin admin = Admin.create(client)) {
            if (admin.listTopics().names().get().contains(topic)) {
                throw new IllegalArgumentException("--id " + id + ": a hunt of that id exists (topic " + topic + "); choose another id");
            }
            admin.createTopics(List.of(new NewTopic(topic, Topics.FINDINGS.partitions(), (short) Math.min(3, admin.describeCluster().nodes().get().size())))).all().get();
            org.apache.kafka.streams.Topology topology = VigilTopology.build(ctx);
            List<String> inputs = List.copyOf(VigilTopology.sourceTopics(topology));
            List<String> repartition = Offsets.internal(appId, VigilTopology.repartitionTopics(topology));
            Map<TopicPartition, Long> start = offsetsAt(admin, inputs, from);
            Map<TopicPartition, Long> stop = offsetsAt(admin, inputs, to);
            Map<TopicPartition, OffsetAndMetadata> seek = new HashMap<>();
            start.forEach((tp, o) -> seek.put(tp, new OffsetAndMetadata(o)));
            admin.alterConsumerGroupOffsets(appId, seek).all().get(); // the hunt's group starts at T1, not at the beginning
            long records = stop.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - start.get(e.getKey()))).sum();
            LOG.info("hunt {}: {} input records between {} and {} in {}", id, records, from, to, inputs);
            Map<String, Object> settings = new HashMap<>(StreamsSettings.of(runtime.allProps(), runtime.dataDir().resolve("hunt-state").resolve(id)));
            settings.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
            try (VigilStreams streams = new VigilStreams(settings, ctx)) {
                streams.start();
                Offsets.await("hunt " + id, timeout, () -> Offsets.caughtUp(admin, appId, stop, repartition), streams::failed);
            }
        }
        return io.vigil.cli.replay.ReplayPipeline.latestPerId(TopicReader.read(client, runtime.wire(), new io.vigil.schemas.topics.TopicSpec<>(topic,
                Finding.class, Topics.FINDINGS.partitions(), Topics.FINDINGS.cleanup(), "hunt findings"), Map.of()).stream().map(ConsumerRecord::value).toList());
    }

    /** Per partition, the first offset whose record time is at or after {@code t}; the end where there is none. */
    private static Map<TopicPartition, Long> offsetsAt(Admin admin, List<String> topics, Instant t) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> byTime = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions().forEach(p -> {
            byTime.put(new TopicPartition(name, p.partition()), OffsetSpec.forTimestamp(t.toEpochMilli()));
            latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
        }));
        var atTime = admin.listOffsets(byTime).all().get();
        var ends = admin.listOffsets(latest).all().get();
        Map<TopicPartition, Long> out = new HashMap<>();
        byTime.keySet().forEach(tp -> {
            long o = atTime.get(tp).offset();
            out.put(tp, o < 0 ? ends.get(tp).offset() : o);
        });
        return out;
    }
}
