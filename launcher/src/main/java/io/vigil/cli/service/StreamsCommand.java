package io.vigil.cli.service;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.cli.metrics.ConsumerLag;
import io.vigil.cli.metrics.MetricsOptions;
import io.vigil.cli.metrics.MetricsServer;
import io.vigil.streams.api.http.ApiSettings;
import io.vigil.streams.api.http.BaselineApiServer;
import io.vigil.streams.api.snapshot.BaselineSnapshots;
import io.vigil.streams.api.snapshot.SnapshotSettings;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.FindingMetrics;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilStreams;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Runs the detection topology (baselines and detections) until stopped (Ctrl-C / SIGTERM).",
                "Serves the baseline API (loopback :9404 by default) and publishes changed baselines to baseline.snapshots.",
                "Bound elsewhere than loopback, the API needs TLS (vigil.api.tls.* in --config) and a bearer token",
                "(vigil.api.token.file or the VIGIL_API_TOKEN environment variable) or client certificates."})
public final class StreamsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metricsOptions;

    @Option(names = "--api-bind", paramLabel = "ADDRESS", description = "Address of the baseline API (default: vigil.api.bind, else 127.0.0.1).")
    String apiBind;

    @Option(names = "--api-port", paramLabel = "PORT", description = "Port of the baseline API, 0 for none (default: vigil.api.port, else 9404).")
    Integer apiPort;

    @Override
    public Integer call() throws Exception {
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            Map<String, Object> settings = runtime.allProps();
            if (apiBind != null) {
                settings.put(ApiSettings.BIND, apiBind);
            }
            if (apiPort != null) {
                settings.put(ApiSettings.PORT, apiPort);
            }
            // Validated before anything listens or processes: an exposed API without TLS and a credential never starts.
            ApiSettings apiSettings = ApiSettings.from(settings, System::getenv);
            SnapshotSettings snapshotSettings = SnapshotSettings.from(settings);
            try (MetricsServer metrics = MetricsServer.start(metricsOptions.bind(), metricsOptions.portOr(9402));
                 BaselineApiServer api = apiSettings.enabled() ? BaselineApiServer.start(apiSettings) : null) {
                TopicSetup.ensure(runtime.clientProps());
                if (api != null) {
                    settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, api.applicationServer());
                }
                CountDownLatch stopped = new CountDownLatch(1);
                DetectionContext ctx = DetectionContext.live(runtime.wire(), Clock.systemUTC()).withMetrics(new FindingMetrics(metrics.registry()));
                try (VigilStreams streams = new VigilStreams(StreamsSettings.of(settings, runtime.dataDir().resolve("streams-state")), ctx);
                     BaselineSnapshots snapshots = BaselineSnapshots.start(streams.kafkaStreams(), snapshotSettings, runtime.clientProps(),
                             metrics.registry(), Clock.systemUTC())) {
                    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "vigil-streams-shutdown"));
                    new KafkaStreamsMetrics(streams.kafkaStreams()).bindTo(metrics.registry());
                    ConsumerLag.bind(metrics.registry(), String.valueOf(settings.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG,
                            StreamsSettings.DEFAULT_APPLICATION_ID)), streams.sourceTopics(), streams.kafkaStreams()::metrics);
                    // Ready once its tasks run, i.e. their state is restored: a rolling restart waits for it.
                    metrics.readiness(() -> streams.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
                    if (api != null) {
                        api.serve(streams.kafkaStreams());
                    }
                    streams.start();
                    System.out.println("vigil streams: running" + (api != null ? "; baseline API on " + apiSettings.scheme() + "://" + apiSettings.bind()
                            + ":" + api.port() : "") + "; Ctrl-C to stop");
                    stopped.await();
                }
            }
            return 0;
        }
    }
}
