package io.vigil.streams.bench;

import io.vigil.schemas.Finding;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.SourceRef;
import io.vigil.schemas.wire.WireFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Latency from a flow record's append to the append of the finding it raised, with the topology running
 * live (exactly-once: a finding is visible once its transaction commits) while records arrive at a fixed
 * offered rate. Both topics stamp records with the broker's append time, so the two clocks are one.
 * Every {@value #MARKER_EVERY}th record is a connection to a mining-pool port on a new /24 (or /64), which
 * {@code flow.unusual_port} reports from the first record: enough findings for a 99th percentile.
 */
final class LatencyPass {
    static final int MARKER_EVERY = 500;
    private static final Duration PACED_FOR = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);

    /** What was offered and measured: records/s, records, findings matched to their record, p50 and p99 in ms. */
    record Outcome(double offeredPerSecond, long records, int findings, double p50Millis, double p99Millis) {}

    private LatencyPass() {}

    static Outcome run(Map<String, Object> clientProps, WireFormat wire, Admin admin, String run, double rate, long maxRecords)
            throws InterruptedException, ExecutionException {
        long records = Math.max(MARKER_EVERY, Math.min(maxRecords, (long) (rate * PACED_FOR.toSeconds())));
        String flows = "bench.latency.flows." + run;
        String findings = "bench.latency.findings." + run;
        Map<String, String> appendTime = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        admin.createTopics(List.of(new NewTopic(flows, Optional.of(FlowBench.PARTITIONS), Optional.empty()).configs(appendTime),
                new NewTopic(findings, Optional.of(1), Optional.empty()).configs(appendTime))).all().get();
        String applicationId = "vigil-bench-" + run + "-latency";
        StreamsPass pass = new StreamsPass(clientProps, wire, applicationId, flows, findings);
        try (StreamsPass.Running running = pass.start()) {
            awaitRunning(running);
            long[][] appended = produce(clientProps, wire, flows, records, rate);
            pass.awaitCommitted(admin, running.streams(), FlowBench.endOffsets(admin, flows));
            return latencies(clientProps, wire, admin, findings, appended, rate, records);
        } finally {
            admin.deleteTopics(List.of(flows, findings, StreamsPass.changelog(applicationId)));
            admin.deleteConsumerGroups(List.of(applicationId));
        }
    }

    private static void awaitRunning(StreamsPass.Running running) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (running.streams().state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !running.streams().state().isRunningOrRebalancing()) {
                throw new IllegalStateException("the flow topology did not start: " + running.streams().state());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** Sends the records at {@code rate}; returns each record's append time by partition and offset. */
    private static long[][] produce(Map<String, Object> clientProps, WireFormat wire, String topic, long records, double rate) {
        long[][] appended = new long[FlowBench.PARTITIONS][(int) records];
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            SyntheticFlows generated = new SyntheticFlows(20240806L, records);
            long start = System.nanoTime();
            for (long i = 0; generated.hasNext(); i++) {
                FlowRecord r = generated.next();
                if (i % MARKER_EVERY == MARKER_EVERY - 1) {
                    r = marker(r, (int) (i / MARKER_EVERY));
                }
                // Pacing the offered load (not waiting for a result): each record leaves at its scheduled time.
                long due = start + (long) (i * 1e9 / rate);
                long early = due - System.nanoTime();
                if (early > 0) {
                    LockSupport.parkNanos(early);
                }
                producer.send(new ProducerRecord<>(topic, null, r.getStart().toEpochMilli(), r.getInterfaceId(), wire.encode(topic, r)),
                        (meta, e) -> {
                            if (e == null && meta.offset() < appended[meta.partition()].length) {
                                appended[meta.partition()][(int) meta.offset()] = meta.timestamp();
                            }
                        });
            }
            producer.flush();
        }
        return appended;
    }

    /** The entity of {@code like} connecting to a mining-pool port (3333) on its own new /24 or /64. */
    static FlowRecord marker(FlowRecord like, int k) {
        boolean egress = "egress".equals(like.getFlowDirection());
        String self = egress ? like.getSrcaddr() : like.getDstaddr();
        String peer = self.indexOf(':') >= 0 ? "2001:db8:bad:" + Integer.toHexString(k & 0xFFFF) + "::7"
                : "45." + k / 250 % 250 + "." + k % 250 + ".7";
        return FlowRecord.newBuilder(like).setSrcaddr(self).setSrcport(50_000 + k % 10_000).setDstaddr(peer).setDstport(3333)
                .setFlowDirection("egress").setAction("ACCEPT").setPackets(12L).setBytes(2_000L).build();
    }

    private static Outcome latencies(Map<String, Object> clientProps, WireFormat wire, Admin admin, String findings, long[][] appended,
                                     double rate, long records) throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> ends = FlowBench.endOffsets(admin, findings);
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<Long> millis = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the latency findings back");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    List<SourceRef> sources = wire.decode(findings, r.value(), Finding.class).getSources();
                    SourceRef cause = sources.get(sources.size() - 1);
                    if (cause.getPartition() < appended.length && cause.getOffset() < appended[cause.getPartition()].length) {
                        long at = appended[cause.getPartition()][(int) cause.getOffset()];
                        if (at > 0) {
                            millis.add(r.timestamp() - at);
                        }
                    }
                }
            }
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no finding of the latency pass could be matched to its record");
        }
        return new Outcome(rate, records, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
