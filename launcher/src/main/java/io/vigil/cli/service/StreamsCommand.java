package io.vigil.cli.service;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.cli.metrics.MetricsOptions;
import io.vigil.cli.metrics.MetricsServer;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.FindingMetrics;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilStreams;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Runs the detection topology (baselines and detections) until stopped (Ctrl-C / SIGTERM).")
public final class StreamsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metricsOptions;

    @Override
    public Integer call() throws Exception {
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka); MetricsServer metrics = MetricsServer.start(metricsOptions.bind(), metricsOptions.portOr(9402))) {
            TopicSetup.ensure(runtime.clientProps());
            CountDownLatch stopped = new CountDownLatch(1);
            DetectionContext ctx = DetectionContext.live(runtime.wire(), Clock.systemUTC()).withMetrics(new FindingMetrics(metrics.registry()));
            try (VigilStreams streams = new VigilStreams(StreamsSettings.of(runtime.allProps(), runtime.dataDir().resolve("streams-state")), ctx)) {
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "vigil-streams-shutdown"));
                new KafkaStreamsMetrics(streams.kafkaStreams()).bindTo(metrics.registry());
                streams.start();
                System.out.println("vigil streams: running; Ctrl-C to stop");
                stopped.await();
            }
            return 0;
        }
    }
}
