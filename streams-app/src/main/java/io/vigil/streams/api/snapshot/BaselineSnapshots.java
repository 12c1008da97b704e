package io.vigil.streams.api.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.streams.api.query.BaselineKind;
import io.vigil.streams.api.query.LocalBaselines;
import io.vigil.streams.api.query.StoreValues;
import io.vigil.streams.baseline.FlowProfileView;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans this instance's baselines on a wall-clock timer: sets the {@code vigil_baseline_*} gauges and
 * publishes each baseline that changed since the last scan to the compacted {@code baseline.snapshots}
 * topic ({@link SnapshotRecords}), so tools and SIEMs can read the baseline without the API.
 *
 * <p>Why wall-clock, and outside the topology rather than a punctuator: snapshots are for readers in
 * the present, so they must keep coming when no input arrives (stream time stands still then) and must
 * not come in a burst for every interval of event time a back-fill replays. A timer thread reading the
 * committed state through interactive queries also leaves the stream threads (the flow hot path)
 * untouched and the topology's tasks unchanged. Each instance publishes what its active tasks hold; a
 * restarted or new owner publishes everything it holds once, and compaction keeps the latest per key.
 * Delivery is at least once (an idempotent producer, not the app's transactions): a snapshot is a whole
 * value, so a repeat is harmless.
 */
public final class BaselineSnapshots implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineSnapshots.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaStreams streams;
    private final LocalBaselines local;
    private final SnapshotSettings settings;
    private final Optional<Producer<String, String>> producer;
    private final BaselineGauges gauges;
    private final Clock clock;
    /** Per snapshot key, the fingerprint and learning state of what the last scan saw. */
    private final Map<String, Seen> seen = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-baseline-snapshots");
        t.setDaemon(true);
        return t;
    });

    private record Seen(long fingerprint, boolean learning) {}

    /** What one scan found in one store. */
    public record StoreScan(BaselineKind kind, long entities, long learning, long published) {}

    BaselineSnapshots(KafkaStreams streams, SnapshotSettings settings, Optional<Producer<String, String>> producer, MeterRegistry registry, Clock clock) {
        this.streams = streams;
        this.local = new LocalBaselines(streams);
        this.settings = settings;
        this.producer = producer;
        this.gauges = new BaselineGauges(registry);
        this.clock = clock;
    }

    /** Scans every {@code settings.intervalMillis()}; {@code clientProps} reach the cluster (bootstrap servers, security). */
    public static BaselineSnapshots start(KafkaStreams streams, SnapshotSettings settings, Map<String, Object> clientProps, MeterRegistry registry,
                                          Clock clock) {
        Optional<Producer<String, String>> producer = Optional.empty();
        if (settings.publish()) {
            Map<String, Object> props = new HashMap<>(clientProps);
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
            producer = Optional.of(new KafkaProducer<>(props, new StringSerializer(), new StringSerializer()));
            SnapshotTopic.ensure(clientProps, settings.topic());
        }
        BaselineSnapshots s = new BaselineSnapshots(streams, settings, producer, registry, clock);
        s.timer.scheduleWithFixedDelay(s::scanQuietly, settings.intervalMillis(), settings.intervalMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warn("baseline scan failed, trying again in {} ms: {}", settings.intervalMillis(), e.toString());
        }
    }

    /** One scan now (the timer's work): every store this instance can query, changed baselines published and flushed. */
    public synchronized java.util.List<StoreScan> scan() {
        java.util.List<StoreScan> out = new java.util.ArrayList<>();
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return out;
        }
        Instant now = clock.instant();
        for (BaselineKind kind : BaselineKind.values()) {
            try {
                out.add(scan(kind, local.store(kind), now));
            } catch (InvalidStateStoreException e) {
                LOG.debug("{} not queryable now (rebalancing); next scan", kind.store());
            }
        }
        producer.ifPresent(Producer::flush);
        return out;
    }

    private StoreScan scan(BaselineKind kind, ReadOnlyKeyValueStore<String, Object> store, Instant now) {
        long entities = 0;
        long learning = 0;
        long published = 0;
        try (KeyValueIterator<String, Object> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Object> kv = all.next();
                String entity = kind == BaselineKind.FLOWS ? io.vigil.streams.baseline.FlowProfileCodec.entityOf(kv.key) : kv.key;
                if (entity == null) {
                    continue;
                }
                entities++;
                String key = SnapshotRecords.key(kind, entity);
                Seen before = seen.get(key);
                Map<String, Object> baseline = null;
                long fingerprint;
                if (kind == BaselineKind.FLOWS) {
                    // The profile's hot part changes with every record, so its bytes say whether anything did.
                    fingerprint = Arrays.hashCode((byte[]) kv.value);
                } else {
                    baseline = StoreValues.of(kv.value);
                    fingerprint = json(baseline).hashCode();
                }
                if (before == null || before.fingerprint() != fingerprint) {
                    if (baseline == null) {
                        @SuppressWarnings({"unchecked", "rawtypes"})
                        ReadOnlyKeyValueStore<String, byte[]> bytes = (ReadOnlyKeyValueStore) store;
                        baseline = FlowProfileView.read(bytes, entity).map(BaselineSnapshots::lasting).orElse(null);
                    }
                    if (baseline == null) {
                        continue;
                    }
                    before = new Seen(fingerprint, learning(baseline));
                    seen.put(key, before);
                    if (producer.isPresent()) {
                        producer.get().send(new ProducerRecord<>(settings.topic(), key, SnapshotRecords.value(kind, entity, now, baseline)));
                    }
                    published++;
                }
                if (before.learning()) {
                    learning++;
                }
            }
        }
        gauges.set(kind, entities, learning, published > 0, now.toEpochMilli(), streams.metrics());
        return new StoreScan(kind, entities, learning, published);
    }

    /** A flow profile without its short-lived probe and connection windows: what lasts is the baseline. */
    private static Map<String, Object> lasting(Map<String, Object> view) {
        view.remove("recent_probes");
        view.remove("recent_connections");
        return view;
    }

    /**
     * Whether a baseline says it is still learning: flow profiles by their learning state, principal profiles by a
     * {@code learned_at} not yet set. Configuration and host baselines judge from their first record (or an approval).
     */
    private static boolean learning(Map<String, Object> baseline) {
        return baseline.get("learning") instanceof Map<?, ?> l && "learning".equals(l.get("state"))
                || baseline.containsKey("learned_at") && baseline.get("learned_at") == null;
    }

    private static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.ifPresent(p -> p.close(java.time.Duration.ofSeconds(10)));
    }
}
