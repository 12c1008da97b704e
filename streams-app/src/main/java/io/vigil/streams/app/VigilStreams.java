package io.vigil.streams.app;

import io.vigil.schemas.wire.WireFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running streams app: the topology under Kafka Streams with Vigil's settings. */
public final class VigilStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VigilStreams.class);
    private final KafkaStreams streams;

    public VigilStreams(Map<String, Object> settings, WireFormat wire, Clock clock) {
        Properties props = new Properties();
        props.putAll(settings);
        this.streams = new KafkaStreams(VigilTopology.build(wire, clock), props);
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

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
