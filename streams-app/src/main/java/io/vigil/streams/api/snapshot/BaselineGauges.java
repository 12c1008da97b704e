package io.vigil.streams.api.snapshot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.streams.api.query.BaselineKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The {@code vigil_baseline_*} gauges (docs/METRICS.md), one series per store, for the part of each
 * store this instance owns (sum over instances for the whole): entities, entities still learning, the
 * RocksDB bytes the store holds, and when a scan last saw it change. Set by each scan.
 */
final class BaselineGauges {
    /** Kafka Streams' RocksDB metrics whose sum is the state's size: SST files of the live tree plus memtables. */
    private static final java.util.Set<String> SIZE_METRICS = java.util.Set.of("live-sst-files-size", "cur-size-all-mem-tables");

    private final Map<BaselineKind, AtomicLong> entities = new EnumMap<>(BaselineKind.class);
    private final Map<BaselineKind, AtomicLong> learning = new EnumMap<>(BaselineKind.class);
    private final Map<BaselineKind, AtomicLong> bytes = new EnumMap<>(BaselineKind.class);
    private final Map<BaselineKind, AtomicLong> lastUpdateMillis = new EnumMap<>(BaselineKind.class);

    BaselineGauges(MeterRegistry registry) {
        for (BaselineKind k : BaselineKind.values()) {
            entities.put(k, gauge(registry, "vigil_baseline_entities", k, "entities held by a baseline store (this instance's partitions)"));
            learning.put(k, gauge(registry, "vigil_baseline_learning_entities", k, "entities of a store still in their learning period, not yet judged"));
            bytes.put(k, gauge(registry, "vigil_baseline_state_bytes", k, "estimated bytes of a baseline store: RocksDB live SST files and memtables"));
            AtomicLong last = new AtomicLong(-1);
            lastUpdateMillis.put(k, last);
            // No sample until the store has been seen changing: a fresh instance must not look stale.
            Gauge.builder("vigil_baseline_last_update_timestamp_seconds", last, a -> a.get() < 0 ? Double.NaN : a.get() / 1000.0)
                    .description("when a scan last saw a baseline store change").tag("store", k.store()).register(registry);
        }
    }

    void set(BaselineKind kind, long entityCount, long learningCount, boolean changed, long nowMillis, Map<MetricName, ? extends Metric> metrics) {
        entities.get(kind).set(entityCount);
        learning.get(kind).set(learningCount);
        bytes.get(kind).set(stateBytes(kind.store(), metrics));
        if (changed) {
            lastUpdateMillis.get(kind).set(nowMillis);
        }
    }

    static long stateBytes(String store, Map<MetricName, ? extends Metric> metrics) {
        long sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (SIZE_METRICS.contains(n.name()) && n.tags().entrySet().stream().anyMatch(t -> t.getKey().endsWith("-state-id") && t.getValue().equals(store))
                    && e.getValue().metricValue() instanceof Number v) {
                sum += v.longValue();
            }
        }
        return sum;
    }

    private static AtomicLong gauge(MeterRegistry registry, String name, BaselineKind kind, String description) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("store", kind.store()).register(registry);
        return value;
    }
}
