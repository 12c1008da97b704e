package io.vigil.streams.app;

import io.vigil.schemas.wire.WireFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running streams app: the topology under Kafka Streams with Vigil's settings. */
public final class VigilStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VigilStreams.class);
    private final KafkaStreams streams;
    private final Topology topology;

    public VigilStreams(Map<String, Object> settings, WireFormat wire, Clock clock) {
        this(settings, DetectionContext.live(wire, clock));
    }

    public VigilStreams(Map<String, Object> settings, DetectionContext ctx) {
        Properties props = new Properties();
        props.putAll(settings);
        this.topology = VigilTopology.build(ctx.withConfig(settings));
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed, replacing it: {}", e.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams kafkaStreams() {
        return streams;
    }

    public Set<String> sourceTopics() {
        return VigilTopology.sourceTopics(topology);
    }

    /** True once the app has stopped for good (a fatal error or a close). */
    public boolean failed() {
        KafkaStreams.State s = streams.state();
        return s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING || s == KafkaStreams.State.PENDING_ERROR;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
