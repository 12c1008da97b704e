package io.vigil.cli.collect;

import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.cli.metrics.MetricsServer;
import io.vigil.collectors.checkpoint.CheckpointedCollector;
import io.vigil.collectors.checkpoint.Checkpoints;
import io.vigil.collectors.format.ObjectFetcher;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.input.InputCollector;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import io.vigil.collectors.source.Source;
import io.vigil.collectors.source.SourceRunner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs one source as a collector service: checkpoints loaded, transactional publishing, polls until stopped. */
final class CollectorService {
    private CollectorService() {}

    static int run(Source source, CollectorOptions options) throws Exception {
        return run(source, ObjectFetcher.none(), options);
    }

    /** @param objects follows S3 references inside inputs (oversized Config items) */
    static int run(Source source, Optional<ObjectFetcher> objects, CollectorOptions options) throws Exception {
        if (options.recordsPerTransaction < 1) {
            throw new IllegalArgumentException("--records-per-transaction " + options.recordsPerTransaction + ": expected a whole number >= 1");
        }
        if (options.pollInterval.isNegative() || options.pollInterval.isZero()) {
            throw new IllegalArgumentException("--poll-interval " + options.pollInterval + ": expected a positive ISO-8601 duration such as PT30S");
        }
        String id = options.collectorId != null ? options.collectorId : defaultId(source);
        if (!CollectorOptions.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("--collector-id '" + id + "': expected 1 to 200 letters, digits, '.', '_' or '-'");
        }
        Clock clock = Clock.systemUTC();
        // A service is scraped on its port (docs/METRICS.md); a one-off run serves metrics only when asked.
        try (KafkaRuntime runtime = KafkaRuntime.open(options.kafka); MetricsServer metrics = MetricsServer.start(options.metrics.bind(), options.metrics.portOr(options.once ? 0 : 9401))) {
            TopicSetup.ensure(runtime.clientProps());
            try (Publisher publisher = Publisher.transactional(runtime.clientProps(), runtime.wire(), "vigil-collector-" + id)) {
                Checkpoints checkpoints = Checkpoints.load(runtime.clientProps(), runtime.wire(), id,
                        source.checkpointRelevance().map(d -> clock.instant().minus(d)));
                InputCollector inputs = new InputCollector(new Readers(clock, objects), publisher, clock, new CollectorMetrics(metrics.registry(), source.kind()));
                SourceRunner runner = new SourceRunner(source, new CheckpointedCollector(inputs, publisher, checkpoints, clock, options.recordsPerTransaction),
                        options.pollInterval, CollectorService::print);
                System.out.printf("vigil collect %s: collector %s reading %s (%d checkpoints)%s%n", source.kind(), id, source.target(), checkpoints.size(),
                        options.once ? "" : "; Ctrl-C to stop");
                if (options.once) {
                    boolean queue = source.kind().equals("sqs"); // a queue is drained: until a receive brings nothing new
                    List<InputStats> read = runner.pollOnce();
                    while (queue && !read.isEmpty()) {
                        read = runner.pollOnce();
                    }
                    return 0;
                }
                CountDownLatch finished = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    runner.stop();
                    try {
                        finished.await(30, TimeUnit.SECONDS); // let the current input commit, then exit
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "vigil-collect-shutdown"));
                try {
                    runner.run();
                } finally {
                    finished.countDown();
                }
                return 0;
            }
        }
    }

    private static void print(List<InputStats> stats) {
        for (InputStats s : stats) {
            System.out.printf("%s: %s, read %d, published %d, dead-lettered %d %s%n", s.path(), s.format(), s.read(),
                    s.publishedCount(), s.deadLetteredCount(), s.reasons());
        }
    }

    /** Stable across restarts for the same source, distinct between sources. */
    static String defaultId(Source source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.target().getBytes(StandardCharsets.UTF_8));
            return source.kind() + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
