package io.vigil.collectors.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vigil.collectors.format.Format;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The collectors' meters, as docs/METRICS.md defines them: records by source, format and outcome, dead
 * letters by source, format and reason, transactions and polls by outcome, and how fresh the published
 * data is (the newest event time, and when a poll last succeeded). Labels come from fixed sets (never a path or an address), and
 * the per-outcome counters exist at zero from the start so that rates and alerts see the first record.
 */
public final class CollectorMetrics {
    private final MeterRegistry registry;
    private final String source;
    private final Map<Format, Counter> published = new EnumMap<>(Format.class);
    private final Map<Format, Counter> deadLettered = new EnumMap<>(Format.class);
    private final Counter committed;
    private final Counter aborted;
    private final Counter pollsOk;
    private final Counter pollsFailed;
    private final AtomicLong newestEventMillis = new AtomicLong();
    private final AtomicLong lastGoodPollMillis = new AtomicLong();

    public CollectorMetrics(MeterRegistry registry, String source) {
        this.registry = registry;
        this.source = source;
        for (Format f : Format.values()) {
            published.put(f, records(f, "published"));
            deadLettered.put(f, records(f, "dead_lettered"));
        }
        committed = transactions("committed");
        aborted = transactions("aborted");
        pollsOk = polls("ok");
        pollsFailed = polls("failed");
        Gauge.builder("vigil_collector_newest_event_timestamp_seconds", newestEventMillis, v -> v.get() / 1000.0)
                .description("event time of the newest record published, epoch seconds (0 before the first)").tag("source", source).register(registry);
        Gauge.builder("vigil_collector_last_poll_success_timestamp_seconds", lastGoodPollMillis, v -> v.get() / 1000.0)
                .description("wall-clock time the last poll of the source succeeded, epoch seconds (0 before the first)").tag("source", source).register(registry);
    }

    /** Counts nothing: for runs nobody scrapes. */
    public static CollectorMetrics none() {
        return new CollectorMetrics(new CompositeMeterRegistry(), "file");
    }

    /** Called once per record, on the producer's thread: a map read, no registry lookup. */
    public void published(Format format) {
        published.get(format).increment();
    }

    /** The event time of a record published: the gauge keeps the newest, so that time() minus it is how far behind the data is. */
    public void eventTime(Instant eventTime) {
        long millis = eventTime.toEpochMilli();
        if (millis > newestEventMillis.get()) { // a read per record; a write only when the newest moves
            newestEventMillis.accumulateAndGet(millis, Math::max);
        }
    }

    public void transaction(boolean wasCommitted) {
        (wasCommitted ? committed : aborted).increment();
    }

    /** A poll of the source ended, at {@code now} (wall clock: this is about the service, not the data). */
    public void polled(boolean ok, Instant now) {
        if (ok) {
            pollsOk.increment();
            lastGoodPollMillis.set(now.toEpochMilli());
        } else {
            pollsFailed.increment();
        }
    }

    public void deadLettered(Format format, String reason) {
        deadLettered.get(format).increment();
        Counter.builder("vigil_collector_dead_letters_total").description("records sent to a .dlq topic, by reason")
                .tag("source", source).tag("format", format.label()).tag("reason", reason).register(registry).increment();
    }

    private Counter transactions(String outcome) {
        return Counter.builder("vigil_collector_transactions_total").description("Kafka transactions of records, dead letters and checkpoint, by outcome")
                .tag("source", source).tag("outcome", outcome).register(registry);
    }

    private Counter polls(String outcome) {
        return Counter.builder("vigil_collector_polls_total").description("polls of the source (a folder listing, an S3 page, an SQS receive, a log window), by outcome")
                .tag("source", source).tag("outcome", outcome).register(registry);
    }

    private Counter records(Format format, String outcome) {
        return Counter.builder("vigil_collector_records_total").description("records read from inputs, by how they ended")
                .tag("source", source).tag("format", format.label()).tag("outcome", outcome).register(registry);
    }
}
