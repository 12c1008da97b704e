package io.vigil.streams.bench;

import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.wire.WireFormat;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow benchmark: produces N synthetic flow records to a fresh topic, then times, start to finish,
 * (a) a plain consumer reading them (after a first, warming pass), (a') one that also decodes each, and
 * (b) the full flow topology under exactly-once until its group has committed every record (after a
 * warm-up passes over every record, on other application ids, until the JIT compiles for less than 5 % of a
 * pass). Both sides are thus measured with a warm JIT, and only once the compiler has gone quiet; the JIT
 * time inside the measured topology pass is reported.
 * The process's CPU time per record is taken for each (the figure other processes on the machine do not
 * dilute), then {@link LatencyPass} offers half of (b)'s rate to a live topology and measures append to
 * finding.
 * Everything it creates (topics, groups, state) is removed afterwards.
 */
public final class FlowBench {
    /** Partitions of the benchmark topic: as many as the figures in the issue were measured with. */
    public static final int PARTITIONS = 4;
    private static final long SEED = 20240805L;
    /** Warm-up passes go on (up to {@value #MAX_WARMUPS}) while the JIT compiled for more than this share of the last one. */
    private static final double WARM_COMPILE_SHARE = 0.05;
    private static final int MAX_WARMUPS = 8;
    /** Runs shorter than this (the tests') measure nothing: one warm-up pass, no wait for the compiler. */
    private static final long MEASURABLE = 100_000;
    private static final Duration COMPILER_QUIET = Duration.ofSeconds(2);
    private static final Duration COMPILER_WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(FlowBench.class);

    private FlowBench() {}

    /**
     * Runs the benchmark on the cluster {@code clientProps} point at ({@code bootstrap.servers} at least;
     * they are passed to every client, and to the topology with {@code vigil.flow.*} settings).
     */
    public static FlowBenchResult run(Map<String, Object> clientProps, WireFormat wire, long records) {
        if (records < 1) {
            throw new IllegalArgumentException("records must be >= 1");
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        String flows = "bench.flows." + run;
        String findings = "bench.findings." + run;
        String applicationId = "vigil-bench-" + run;
        try (Admin admin = Admin.create(clientProps)) {
            admin.createTopics(List.of(new NewTopic(flows, Optional.of(PARTITIONS), Optional.empty()),
                    new NewTopic(findings, Optional.of(1), Optional.empty()), new NewTopic(findings + ".warmup", Optional.of(1), Optional.empty())))
                    .all().get();
            try {
                produce(clientProps, wire, flows, records);
                Map<TopicPartition, Long> ends = endOffsets(admin, flows);
                BenchConsumer consumer = new BenchConsumer(clientProps, flows, ends);
                // The first pass warms the JIT and the page cache; the second is the one measured.
                consumer.rate(null);
                awaitCompilerQuiet(records);
                long cpu = processCpuNanos();
                double plain = consumer.rate(null);
                double plainCpu = (processCpuNanos() - cpu) / 1e3 / records;
                cpu = processCpuNanos();
                double decoding = consumer.rate(bytes -> wire.decode(flows, bytes, FlowRecord.class));
                double decodingCpu = (processCpuNanos() - cpu) / 1e3 / records;
                // Warm-up passes over every record, each on its own application id, as the consumer's first pass: the
                // JIT compiles Kafka Streams and every detector path (learning over, attacks judged) before the measured
                // pass. Over a prefix only, C2 recompiled the detectors after their first verdicts inside the pass; and
                // one pass can leave the rarely called paths (commits, the producer) for the next one to compile.
                int warmups = 0;
                double compiling;
                do {
                    long jit = compileMillis();
                    long started = System.nanoTime();
                    String warmupId = warmupId(applicationId, warmups++);
                    try {
                        new StreamsPass(clientProps, wire, warmupId, flows, findings + ".warmup").run(admin, ends);
                    } finally {
                        // At once, so the broker's log cleaner does not compact a finished pass's changelog during the next.
                        removeQuietly(admin, List.of(StreamsPass.changelog(warmupId)), List.of(warmupId));
                    }
                    compiling = (compileMillis() - jit) / ((System.nanoTime() - started) / 1e6);
                    LOG.info("flow topology warm-up pass {}: the JIT compiled for {}% of it", warmups, Math.round(100 * compiling));
                    awaitCompilerQuiet(records);
                } while (compiling > WARM_COMPILE_SHARE && warmups < MAX_WARMUPS && records >= MEASURABLE);
                cpu = processCpuNanos();
                long jit = compileMillis();
                long started = System.nanoTime();
                StreamsPass.Outcome streams = new StreamsPass(clientProps, wire, applicationId, flows, findings).run(admin, ends);
                double streamsCpu = (processCpuNanos() - cpu) / 1e3 / records;
                FlowBenchResult.Jit streamsJit = new FlowBenchResult.Jit(warmups, compileMillis() - jit, (System.nanoTime() - started) / 1_000_000);
                long found = new BenchConsumer(clientProps, findings, endOffsets(admin, findings)).count();
                LatencyPass.Outcome latency = LatencyPass.run(clientProps, wire, admin, run, streams.recordsPerSecond() / 2, records);
                return new FlowBenchResult(records, PARTITIONS, plain, decoding, streamsJit, streams.recordsPerSecond(), found, streams.entities(),
                        streams.bytesPerEntity(), new FlowBenchResult.Cpu(plainCpu, decodingCpu, streamsCpu), latency);
            } finally {
                removeQuietly(admin, List.of(flows, findings, findings + ".warmup", StreamsPass.changelog(applicationId)), List.of(applicationId));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while benchmarking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set up the benchmark topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Waits (at most a minute) until the JIT compiler has been idle for two seconds: a warm-up leaves compilations
     * queued, and the compiler threads would otherwise take the measured pass's CPU (this machine has two cores).
     * Not for runs too short to measure anything (the tests').
     */
    private static void awaitCompilerQuiet(long records) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (records < MEASURABLE || jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + COMPILER_WAIT.toNanos();
        long last = jit.getTotalCompilationTime();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < COMPILER_QUIET.toNanos() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            long now = jit.getTotalCompilationTime();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    private static String warmupId(String applicationId, int pass) {
        return applicationId + "-warmup-" + pass;
    }

    /** Time the JIT compilers have spent compiling so far, 0 where the JVM does not say. */
    private static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** CPU time of the whole process (the embedded broker, when there is one, included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void produce(Map<String, Object> clientProps, WireFormat wire, String topic, long records) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            SyntheticFlows generated = new SyntheticFlows(SEED, records);
            while (generated.hasNext()) {
                FlowRecord r = generated.next();
                producer.send(new ProducerRecord<>(topic, null, r.getStart().toEpochMilli(), r.getInterfaceId(), wire.encode(topic, r)));
            }
            producer.flush();
        }
        LOG.info("produced {} flow records to {} in {}", records, topic, Duration.ofNanos(System.nanoTime() - start));
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws InterruptedException, ExecutionException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static void removeQuietly(Admin admin, List<String> topics, List<String> groups) {
        try {
            admin.deleteConsumerGroups(groups).all().get();
        } catch (ExecutionException | KafkaException e) {
            LOG.debug("benchmark groups {} not deleted: {}", groups, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            admin.deleteTopics(topics).all().get();
        } catch (ExecutionException | KafkaException e) {
            LOG.warn("benchmark topics {} not all deleted: {}", topics, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
