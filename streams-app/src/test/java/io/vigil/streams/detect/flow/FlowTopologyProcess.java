package io.vigil.streams.detect.flow;

import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.streams.app.StreamsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The flow topology in a JVM of its own, for {@link FlowCrashTest} to kill. Arguments: bootstrap servers,
 * application id, state directory, then {@code key=value} settings. Runs until the process dies.
 */
public final class FlowTopologyProcess {
    private FlowTopologyProcess() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, Object> user = new HashMap<>();
        user.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        user.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
        for (int i = 3; i < args.length; i++) {
            user.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        KafkaStreams streams = FlowCrashTest.topology(user, Path.of(args[2]));
        streams.start();
        new CountDownLatch(1).await();
    }
}
