package io.vigil.cli.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * {@code vigil_consumer_lag_records{group, topic}} (docs/METRICS.md): records behind the end of each topic,
 * summed over the partitions this instance owns, read from the consumer's own per-partition
 * {@code records-lag} metric. Each instance reports only its share, so summing over instances gives the
 * group's lag without counting a partition twice.
 */
public final class ConsumerLag {
    private ConsumerLag() {}

    public static void bind(MeterRegistry registry, String group, Collection<String> topics, Supplier<Map<MetricName, ? extends Metric>> clientMetrics) {
        for (String topic : topics) {
            Gauge.builder("vigil_consumer_lag_records", () -> lag(clientMetrics.get(), topic))
                    .description("records behind the end of the topic, summed over the partitions this instance owns")
                    .tag("group", group).tag("topic", topic).register(registry);
        }
    }

    static double lag(Map<MetricName, ? extends Metric> metrics, String topic) {
        double sum = 0;
        for (var e : metrics.entrySet()) {
            MetricName n = e.getKey();
            // Topic names with dots appear as given in the tag; partition-level metrics carry a "partition" tag.
            if (n.name().equals("records-lag") && n.group().equals("consumer-fetch-manager-metrics") && topic.equals(n.tags().get("topic"))
                    && n.tags().containsKey("partition") && e.getValue().metricValue() instanceof Number v && !Double.isNaN(v.doubleValue())) {
                sum += v.doubleValue();
            }
        }
        return sum;
    }
}
