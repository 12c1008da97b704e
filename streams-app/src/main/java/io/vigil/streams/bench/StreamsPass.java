package io.vigil.streams.bench;

import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.baseline.FlowProfileCodec;
import io.vigil.streams.detect.flow.FlowConfig;
import io.vigil.streams.detect.flow.FlowDetections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the flow topology over the benchmark topic with Vigil's production settings
 * ({@link StreamsSettings}: exactly_once_v2), a fresh application id and state directory, timed from
 * {@code start()} until the group's committed offsets reach the topic's end.
 */
final class StreamsPass {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(StreamsPass.class);

    /** Throughput, and the size of the state it left: entities and stored bytes per entity. */
    record Outcome(double recordsPerSecond, long entities, long bytesPerEntity) {}

    private final Map<String, Object> clientProps;
    private final WireFormat wire;
    private final String applicationId;
    private final String source;
    private final String findings;

    StreamsPass(Map<String, Object> clientProps, WireFormat wire, String applicationId, String source, String findings) {
        this.clientProps = clientProps;
        this.wire = wire;
        this.applicationId = applicationId;
        this.source = source;
        this.findings = findings;
    }

    static String changelog(String applicationId) {
        return applicationId + "-" + FlowDetections.STORE + "-changelog";
    }

    Outcome run(Admin admin, Map<TopicPartition, Long> ends) throws InterruptedException, ExecutionException {
        try (Running running = start()) {
            awaitCommitted(admin, running.streams, ends);
            double rate = ends.values().stream().mapToLong(Long::longValue).sum() / ((System.nanoTime() - running.started) / 1e9);
            long[] size = stateSize(running.streams);
            return new Outcome(rate, size[0], size[0] == 0 ? 0 : size[1] / size[0]);
        }
    }

    /** Starts the topology on a fresh state directory; closing it stops it and removes its local state. */
    Running start() {
        Path state = tempDirectory();
        Map<String, Object> user = new HashMap<>(clientProps);
        user.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        user.put(FlowConfig.SOURCE_TOPIC, source);
        user.put(FlowConfig.FINDINGS_TOPIC, findings);
        StreamsBuilder builder = new StreamsBuilder();
        FlowDetections.addTo(builder, wire, Clock.systemUTC(), FlowConfig.from(user));
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(user, state));
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        long started = System.nanoTime();
        streams.start();
        return new Running(streams, state, started);
    }

    /** A started topology: {@code started} is when {@code start()} was called (System.nanoTime). */
    record Running(KafkaStreams streams, Path state, long started) implements AutoCloseable {
        @Override
        public void close() {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
            streams.cleanUp();
            deleteQuietly(state);
        }
    }

    void awaitCommitted(Admin admin, KafkaStreams streams, Map<TopicPartition, Long> ends)
            throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        long deadline = start + TIMEOUT.toNanos();
        boolean started = false;
        while (!committed(admin, ends)) {
            if (!started && streams.state() == KafkaStreams.State.RUNNING) {
                started = true;
                LOG.info("flow topology running after {}", Duration.ofNanos(System.nanoTime() - start));
            }
            KafkaStreams.State s = streams.state();
            if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.PENDING_ERROR || s == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("the flow topology stopped (" + s + ") before consuming every record");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the flow topology did not consume every record within " + TIMEOUT);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean committed(Admin admin, Map<TopicPartition, Long> ends) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        if (LOG.isDebugEnabled()) {
            LOG.debug("flow topology committed {} records", offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum());
        }
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata at = offsets.get(end.getKey());
            if (end.getValue() > 0 && (at == null || at.offset() < end.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Entities and stored bytes (keys and values of every part) in the profile store, read like the baseline API would. */
    private static long[] stateSize(KafkaStreams streams) {
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(
                StoreQueryParameters.fromNameAndType(FlowDetections.STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
        long entities = 0;
        long bytes = 0;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                var kv = all.next();
                bytes += kv.key.length() + kv.value.length;
                if (FlowProfileCodec.entityOf(kv.key) != null) {
                    entities++;
                }
            }
        }
        return new long[] {entities, bytes};
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("vigil-bench-state-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the benchmark", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
