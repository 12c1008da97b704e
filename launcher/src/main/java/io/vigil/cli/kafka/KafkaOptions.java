package io.vigil.cli.kafka;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the Kafka cluster is: an external one, or the embedded single node keeping its data in a folder. */
public final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "An external Kafka cluster. Without it, an embedded single-node Kafka is started with its data in --data-dir.")
    String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "vigil-data",
            description = "Data of the embedded Kafka and of the streams app's local state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file: Kafka client properties (passed through untouched) and vigil.* keys, e.g. vigil.wire.format=registry.")
    Path configFile;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path configFile() {
        return configFile;
    }

    /** A copy pointing at another data folder (the demo keeps its cluster apart from the user's). */
    public KafkaOptions withDataDir(Path other) {
        KafkaOptions copy = new KafkaOptions();
        copy.bootstrapServers = bootstrapServers;
        copy.dataDir = other;
        copy.configFile = configFile;
        return copy;
    }
}
