package io.vigil.streams.api;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.streams.api.http.ApiSettings;
import io.vigil.streams.api.http.BaselineApiServer;
import io.vigil.streams.api.snapshot.BaselineSnapshots;
import io.vigil.streams.api.snapshot.SnapshotSettings;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilStreams;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One streams instance as {@code vigil streams} runs it: the whole topology, the baseline API (its
 * address is the app's application.server) and the baseline scan, against a test broker.
 */
final class StreamsInstance implements AutoCloseable {
    final VigilStreams streams;
    final BaselineApiServer api;
    final BaselineSnapshots snapshots;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private boolean closed;

    StreamsInstance(String bootstrap, String applicationId, Path stateDir, Map<String, Object> apiProps, String token) {
        ApiSettings apiSettings = ApiSettings.from(apiProps, env -> ApiSettings.TOKEN_ENV.equals(env) ? token : null);
        this.api = BaselineApiServer.start(apiSettings);
        Map<String, Object> user = new HashMap<>();
        user.put("bootstrap.servers", bootstrap);
        user.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        user.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        user.put(StreamsConfig.APPLICATION_SERVER_CONFIG, api.applicationServer());
        this.streams = new VigilStreams(StreamsSettings.of(user, stateDir), DetectionContext.live(new SingleObjectWireFormat(), Clock.systemUTC()));
        api.serve(streams.kafkaStreams());
        // A long interval: the tests scan when they choose to.
        this.snapshots = BaselineSnapshots.start(streams.kafkaStreams(), SnapshotSettings.from(Map.of(SnapshotSettings.INTERVAL_MS, 3_600_000L)),
                Map.of("bootstrap.servers", bootstrap), registry, Clock.systemUTC());
        streams.start();
    }

    KafkaStreams kafkaStreams() {
        return streams.kafkaStreams();
    }

    boolean running() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Stops as an operator would: leaving the group, so the other instance takes the work over at once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        snapshots.close();
        api.close();
        streams.kafkaStreams().close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
