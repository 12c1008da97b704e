package io.vigil.cli.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil baseline show <entity>}: one baseline as JSON, from a streams instance's baseline API
 * when {@code --api} is given (any instance: it forwards to the owner), else from the latest snapshot on
 * {@code baseline.snapshots}, which needs no API at all.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Prints one entity's baseline as JSON: from the baseline API with --api, else from the latest snapshot on baseline.snapshots.",
                "The bearer token is read from --token-file or the VIGIL_API_TOKEN environment variable, never from the command line."})
public final class BaselineShowCommand implements Callable<Integer> {
    static final List<String> KINDS = List.of("flows", "principals", "config", "services", "hosts");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "ENTITY",
            description = "Instance id, interface/address, principal ARN, resource type/id (or bare id), or osquery host identifier.")
    String entity;

    @Option(names = "--kind", defaultValue = "flows", paramLabel = "KIND",
            description = "Which baseline: flows, principals, config, services or hosts (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--api", paramLabel = "URL", description = "A streams instance's baseline API, e.g. https://streams-0:9404.")
    URI api;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the API's bearer token (default: the VIGIL_API_TOKEN environment variable).")
    Path tokenFile;

    @Option(names = "--cacert", paramLabel = "FILE", description = "PEM certificate(s) to trust for the API's TLS (default: the JVM's trusted CAs).")
    Path caCert;

    @Mixin
    KafkaOptions kafka;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("--kind " + kind + ": expected one of " + KINDS);
        }
        Optional<Map<String, Object>> baseline;
        if (api != null) {
            baseline = new BaselineApiClient(api, BaselineApiClient.token(tokenFile, System.getenv("VIGIL_API_TOKEN")), caCert).get(kind, entity);
        } else {
            try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
                baseline = SnapshotReader.read(runtime.clientProps(), kind, entity, spec.commandLine().getErr());
            }
        }
        if (baseline.isEmpty()) {
            spec.commandLine().getErr().println("vigil baseline show: no " + kind + " baseline for " + entity);
            return 1;
        }
        spec.commandLine().getOut().println(JSON.writeValueAsString(baseline.get()));
        return 0;
    }
}
