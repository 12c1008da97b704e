package io.vigil.cli.hunt;

import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.Offsets;
import io.vigil.cli.kafka.TopicReader;
import io.vigil.cli.progress.ProgressBar;
import io.vigil.cli.replay.ReplayPipeline;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilStreams;
import io.vigil.streams.app.VigilTopology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hunt: the live detection families run over the input topics between two event times, under
 * their own application id and state, into their own topic {@code hunt.<id>.findings}. Live baselines
 * and live findings are never read or written. Start offsets come from {@code offsetsForTimes}.
 * A hunt can be cancelled ({@link #cancel()}, Ctrl-C): the streams app closes cleanly, committing its
 * offsets and state (exactly once), and {@link #resume} carries on from there to the same findings.
 */
public final class HuntRun {
    private static final Logger LOG = LoggerFactory.getLogger(HuntRun.class);

    /** Thrown by {@link #run} and {@link #resume} when the hunt was cancelled; its state is kept for a resume. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled(String id, long scanned, long total) {
            super("hunt " + id + " cancelled after " + scanned + " of " + total + " input records; resume it with: vigil hunt --resume " + id);
        }
    }

    private final KafkaRuntime runtime;
    private final Duration timeout;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile HuntProgress progress;
    private boolean showProgress;
    private BaselineSeeding.Result seeded;

    public HuntRun(KafkaRuntime runtime, Duration timeout) {
        this.runtime = runtime;
        this.timeout = timeout;
    }

    /** Shows a progress line on the terminal (stderr) while the hunt runs. */
    public HuntRun withProgressOnTerminal() {
        this.showProgress = true;
        return this;
    }

    /** Asks the running hunt to stop at its next check; it keeps its state for {@link #resume}. Safe from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    /** How far the running hunt is; empty when none runs. */
    public java.util.Optional<HuntProgress.Snapshot> progress() {
        HuntProgress p = progress;
        return p == null ? java.util.Optional.empty() : java.util.Optional.of(p.snapshot());
    }

    /** Per snapshot kind, the baselines the last {@link #run} seeded its stores with and those it could not; empty without --baseline-at. */
    public Map<String, Map<String, Long>> seeded() {
        return seeded == null ? Map.of() : Map.of("seeded", seeded.seeded(), "not seeded", seeded.skipped());
    }

    public static String topicOf(String id) {
        return "hunt." + id + ".findings";
    }

    /** Starts a new hunt and returns its findings, latest per id. */
    public List<Finding> run(HuntSpec spec) throws Exception {
        try (Admin admin = Admin.create(runtime.clientProps())) {
            if (admin.listTopics().names().get().contains(spec.topic())) {
                throw new IllegalArgumentException("--id " + spec.id() + ": a hunt of that id exists (topic " + spec.topic()
                        + "); choose another id, or --resume " + spec.id());
            }
            admin.createTopics(List.of(new NewTopic(spec.topic(), Topics.FINDINGS.partitions(),
                    (short) Math.min(3, admin.describeCluster().nodes().get().size())))).all().get();
            List<String> inputs = List.copyOf(VigilTopology.sourceTopics(VigilTopology.build(context(spec))));
            HuntManifest hunt = new HuntManifest(spec, offsetsAt(admin, inputs, spec.from()), offsetsAt(admin, inputs, spec.to()),
                    HuntManifest.Status.RUNNING);
            hunt.save(runtime.dataDir());
            if (spec.baselineAt() != null) {
                seeded = BaselineSeeding.seed(admin, runtime.clientProps(), spec.applicationId(), spec.baselineAt());
                LOG.info("hunt {}: stores seeded from the baselines published at or before {}: {} (not seedable: {})", spec.id(), spec.baselineAt(),
                        seeded.seeded(), seeded.skipped());
            }
            Map<TopicPartition, OffsetAndMetadata> seek = new HashMap<>();
            hunt.start().forEach((tp, o) -> seek.put(tp, new OffsetAndMetadata(o)));
            admin.alterConsumerGroupOffsets(spec.applicationId(), seek).all().get(); // the hunt's group starts at T1, not at the beginning
            LOG.info("hunt {}: {} input records between {} and {} in {}", spec.id(), hunt.records(), spec.from(), spec.to(), inputs);
            return execute(admin, hunt);
        }
    }

    /** Continues a hunt that was cancelled (or killed) from its committed offsets and state; a finished one just returns its findings. */
    public List<Finding> resume(String id) throws Exception {
        HuntManifest hunt = HuntManifest.load(runtime.dataDir(), id);
        try (Admin admin = Admin.create(runtime.clientProps())) {
            if (!admin.listTopics().names().get().contains(hunt.spec().topic())) {
                throw new IllegalArgumentException("--resume " + id + ": its topic " + hunt.spec().topic() + " is gone from this cluster");
            }
            if (hunt.status() == HuntManifest.Status.FINISHED) {
                return findings(hunt.spec());
            }
            LOG.info("hunt {}: resuming ({} input records between {} and {})", id, hunt.records(), hunt.spec().from(), hunt.spec().to());
            return execute(admin, hunt.with(HuntManifest.Status.RUNNING));
        }
    }

    private DetectionContext context(HuntSpec spec) {
        return DetectionContext.hunt(runtime.wire(), Clock.systemUTC(), spec.topic(), spec.from(), spec.to(), spec.detectorFilter());
    }

    private List<Finding> execute(Admin admin, HuntManifest hunt) throws Exception {
        HuntSpec spec = hunt.spec();
        hunt.save(runtime.dataDir());
        Map<String, Object> settings = new HashMap<>(StreamsSettings.of(runtime.allProps(), HuntManifest.dir(runtime.dataDir(), spec.id())));
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, spec.applicationId());
        DetectionContext ctx = context(spec);
        Topology topology = VigilTopology.build(ctx);
        List<String> repartition = Offsets.internal(spec.applicationId(), VigilTopology.repartitionTopics(topology));
        boolean done;
        try (HuntProgress meter = new HuntProgress(admin, runtime.clientProps(), hunt);
             ProgressBar bar = ProgressBar.onTerminal(meter::line, !showProgress)) {
            progress = meter;
            try (VigilStreams streams = new VigilStreams(settings, ctx)) {
                streams.start();
                Offsets.await("hunt " + spec.id(), timeout,
                        () -> cancelled.get() || Offsets.caughtUp(admin, spec.applicationId(), hunt.stop(), repartition), streams::failed);
                done = !cancelled.get();
            } // closing commits the offsets and state of what was processed (exactly once), also when cancelled
            if (!done) {
                hunt.with(HuntManifest.Status.CANCELLED).save(runtime.dataDir());
                HuntProgress.Snapshot at = meter.snapshot();
                throw new Cancelled(spec.id(), at.scanned(), at.total());
            }
        } finally {
            progress = null;
        }
        hunt.with(HuntManifest.Status.FINISHED).save(runtime.dataDir());
        return findings(spec);
    }

    private List<Finding> findings(HuntSpec spec) {
        TopicSpec<Finding> topic = new TopicSpec<>(spec.topic(), Finding.class, Topics.FINDINGS.partitions(), Topics.FINDINGS.cleanup(), "hunt findings");
        return ReplayPipeline.latestPerId(TopicReader.read(runtime.clientProps(), runtime.wire(), topic, Map.of()).stream()
                .map(ConsumerRecord::value).toList());
    }

    /** Per partition, the first offset whose record time is at or after {@code t}; the end where there is none. */
    private static Map<TopicPartition, Long> offsetsAt(Admin admin, List<String> topics, Instant t) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> byTime = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions().forEach(p -> {
            byTime.put(new TopicPartition(name, p.partition()), OffsetSpec.forTimestamp(t.toEpochMilli()));
            latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
        }));
        var atTime = admin.listOffsets(byTime).all().get();
        var ends = admin.listOffsets(latest).all().get();
        Map<TopicPartition, Long> out = new HashMap<>();
        byTime.keySet().forEach(tp -> {
            long o = atTime.get(tp).offset();
            out.put(tp, o < 0 ? ends.get(tp).offset() : o);
        });
        return out;
    }
}
