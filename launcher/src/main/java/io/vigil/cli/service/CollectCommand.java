package io.vigil.cli.service;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.collectors.file.FileCollector;
import io.vigil.collectors.file.FileStats;
import io.vigil.cli.metrics.MetricsOptions;
import io.vigil.cli.metrics.MetricsServer;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Publishes files or folders of any supported format into the input topics; bad records go to the .dlq topics.")
public final class CollectCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH", description = "Files or folders (recursive), plain or gzip.")
    List<Path> inputs;

    @Mixin
    MetricsOptions metricsOptions;

    @Override
    public Integer call() throws Exception {
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka); MetricsServer metrics = MetricsServer.start(metricsOptions.bind(), metricsOptions.portOr(0))) {
            TopicSetup.ensure(runtime.clientProps());
            Clock clock = Clock.systemUTC();
            List<FileStats> stats;
            try (Publisher publisher = new Publisher(runtime.clientProps(), runtime.wire())) {
                stats = new FileCollector(new Readers(clock), publisher, clock, new CollectorMetrics(metrics.registry(), "file")).collect(inputs);
            }
            for (FileStats s : stats) {
                System.out.printf("%s: %s, read %d, published %d, dead-lettered %d %s%n", s.path(), s.format(), s.read(),
                        s.publishedCount(), s.deadLetteredCount(), s.reasons());
            }
            return 0;
        }
    }
}
