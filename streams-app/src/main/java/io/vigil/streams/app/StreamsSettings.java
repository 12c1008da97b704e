package io.vigil.streams.app;

import io.vigil.streams.dlq.DeadLetterHandler;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties Vigil insists on, merged under the user's own (which pass through
 * untouched and win): exactly-once, dead-letter handlers, a state directory beside the data.
 */
public final class StreamsSettings {
    public static final String DEFAULT_APPLICATION_ID = "vigil-streams";

    private StreamsSettings() {}

    public static Map<String, Object> of(Map<String, Object> user, Path stateDir) {
        Map<String, Object> p = new HashMap<>();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Each exactly-once commit is a transaction; at Kafka's 100 ms default their cost dominates on a
        // small machine. One second keeps detection latency far inside its 60 s SLO (docs/METRICS.md).
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // One stream thread per core (up to 4): partitions are processed in parallel, each still in order.
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        // A restore consumer that has caught up waits fetch.max.wait.ms (500 ms) for data that never comes before the
        // next task's changelog gets its turn: on start-up with empty or caught-up changelogs that was half a second per
        // task a thread restores. While there is data to restore, fetches return at once whatever this is.
        p.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 100);
        p.putAll(user);
        return p;
    }
}
