package io.vigil.collectors.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vigil.collectors.format.Format;
import java.util.EnumMap;
import java.util.Map;

/**
 * The collectors' counters, as docs/METRICS.md defines them: records by source, format and outcome,
 * dead letters by format and reason. Labels come from fixed sets (never a path or an address), and
 * the per-outcome counters exist at zero from the start so that rates and alerts see the first record.
 */
public final class CollectorMetrics {
    private final MeterRegistry registry;
    private final String source;
    private final Map<Format, Counter> published = new EnumMap<>(Format.class);
    private final Map<Format, Counter> deadLettered = new EnumMap<>(Format.class);

    public CollectorMetrics(MeterRegistry registry, String source) {
        this.registry = registry;
        this.source = source;
        for (Format f : Format.values()) {
            published.put(f, records(f, "published"));
            deadLettered.put(f, records(f, "dead_lettered"));
        }
    }

    /** Counts nothing: for runs nobody scrapes. */
    public static CollectorMetrics none() {
        return new CollectorMetrics(new CompositeMeterRegistry(), "file");
    }

    /** Called once per record, on the producer's thread: a map read, no registry lookup. */
    public void published(Format format) {
        published.get(format).increment();
    }

    public void deadLettered(Format format, String reason) {
        deadLettered.get(format).increment();
        Counter.builder("vigil_collector_dead_letters_total").description("records sent to a .dlq topic, by reason")
                .tag("format", format.label()).tag("reason", reason).register(registry).increment();
    }

    private Counter records(Format format, String outcome) {
        return Counter.builder("vigil_collector_records_total").description("records read from inputs, by how they ended")
                .tag("source", source).tag("format", format.label()).tag("outcome", outcome).register(registry);
    }
}
