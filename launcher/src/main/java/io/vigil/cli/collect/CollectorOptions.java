package io.vigil.cli.collect;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.metrics.MetricsOptions;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every collector takes besides its source: the cluster, its metrics endpoint, identity, pacing and transaction size. */
public final class CollectorOptions {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--collector-id", paramLabel = "ID",
            description = "Names this collector's checkpoints and Kafka transactions; keep it across restarts. Letters, digits, '.', '_', '-'. "
                    + "Default: the source kind and a hash of what it reads.")
    String collectorId;

    @Option(names = "--once", description = "Read what is there now, then exit (a queue: until a receive comes back empty).")
    boolean once;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Pause between polls of the source, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--records-per-transaction", paramLabel = "N", defaultValue = "5000",
            description = "Records committed together with their checkpoint (default: ${DEFAULT-VALUE}); a crash repeats none and loses none.")
    long recordsPerTransaction;

    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,200}");
}
