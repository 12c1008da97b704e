package io.vigil.cli.kafka;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.schemas.wire.WireFormats;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka a command talks to, resolved from {@link KafkaOptions}: client properties (the user's,
 * untouched, plus bootstrap servers), the wire format, and the embedded broker when one was started.
 */
public final class KafkaRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRuntime.class);

    private final EmbeddedKafka embedded;
    private final Map<String, Object> clientProps;
    private final Map<String, Object> vigilProps;
    private final WireFormat wire;
    private final Path dataDir;

    private KafkaRuntime(EmbeddedKafka embedded, Map<String, Object> clientProps, Map<String, Object> vigilProps, WireFormat wire, Path dataDir) {
        this.embedded = embedded;
        this.clientProps = clientProps;
        this.vigilProps = vigilProps;
        this.wire = wire;
        this.dataDir = dataDir;
    }

    public static KafkaRuntime open(KafkaOptions options) {
        Map<String, Object> client = new HashMap<>();
        Map<String, Object> vigil = new HashMap<>();
        if (options.configFile() != null) {
            Properties file = load(options.configFile());
            file.stringPropertyNames().forEach(k -> (k.startsWith("vigil.") ? vigil : client).put(k, file.getProperty(k)));
        }
        WireFormat wire = WireFormats.fromConfig(vigil); // validated before anything starts
        Path dataDir = options.dataDir().toAbsolutePath();
        EmbeddedKafka embedded = null;
        if (options.bootstrapServers() != null) {
            client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        } else if (!client.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            LOG.info("starting embedded Kafka with its data in {}", dataDir);
            embedded = EmbeddedKafka.start(dataDir);
            client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, embedded.bootstrapServers());
        }
        return new KafkaRuntime(embedded, client, vigil, wire, dataDir);
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("--config " + file + ": cannot read (" + e.getMessage() + "); expected a Java properties file");
        }
        return p;
    }

    /** Kafka client properties: bootstrap servers and whatever the user configured. A copy. */
    public Map<String, Object> clientProps() {
        return new HashMap<>(clientProps);
    }

    /** Client properties plus the vigil.* keys, for components that read both (the streams app's handlers). */
    public Map<String, Object> allProps() {
        Map<String, Object> all = clientProps();
        all.putAll(vigilProps);
        return all;
    }

    public WireFormat wire() {
        return wire;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
