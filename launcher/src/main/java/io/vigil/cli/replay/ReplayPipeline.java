package io.vigil.cli.replay;

import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.Offsets;
import io.vigil.cli.kafka.TopicReader;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.collectors.file.FileCollector;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.input.ReadMeter;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import io.vigil.responders.Responder;
import io.vigil.responders.ResponderOptions;
import io.vigil.responders.kafka.ResponderLoop;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilStreams;
import io.vigil.streams.app.VigilTopology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One batch pass of the whole pipeline over files: collect into the input topics, let the streams
 * app detect until it has consumed every input to its end, let the responders plan (dry run), and
 * read back the findings and actions this pass produced. The same programs as the long-running
 * services, so a replay shows exactly what live processing would have done.
 */
public final class ReplayPipeline {
    public record Result(List<InputStats> files, List<Finding> findings, List<ResponseAction> actions) {}

    private final KafkaRuntime runtime;
    private final Duration timeout;
    private final Clock clock;
    private final ReadMeter meter = new ReadMeter();

    public ReplayPipeline(KafkaRuntime runtime, Duration timeout, Clock clock) {
        this.runtime = runtime;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** What has been read so far, for a progress display. */
    public ReadMeter meter() {
        return meter;
    }

    public Result run(List<Path> inputs) throws IOException {
        List<Path> files = FileCollector.expand(inputs); // fail on a missing input before starting anything
        Map<String, Object> client = runtime.clientProps();
        TopicSetup.ensure(client);
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, Long> findingsStart = Offsets.ends(admin, List.of(Topics.FINDINGS.name()));
            Map<TopicPartition, Long> actionsStart = Offsets.ends(admin, List.of(Topics.RESPONSE_ACTIONS.name()));
            Map<String, Object> settings = StreamsSettings.of(runtime.allProps(), runtime.dataDir().resolve("streams-state"));
            String group = String.valueOf(settings.get(StreamsConfig.APPLICATION_ID_CONFIG));
            List<InputStats> stats = new ArrayList<>();
            try (VigilStreams streams = new VigilStreams(settings, runtime.wire(), clock)) {
                streams.start();
                try (Publisher publisher = new Publisher(client, runtime.wire())) {
                    FileCollector collector = new FileCollector(new Readers(clock), publisher, clock, CollectorMetrics.none(), meter);
                    for (Path file : files) {
                        stats.add(collector.collectFile(file));
                    }
                }
                Map<TopicPartition, Long> inputEnds = Offsets.ends(admin, List.copyOf(streams.sourceTopics()));
                List<String> repartition = Offsets.internal(group, VigilTopology.repartitionTopics(
                        VigilTopology.build(DetectionContext.live(runtime.wire(), clock).withConfig(settings))));
                Offsets.await("detection over the replayed input", timeout, () -> Offsets.caughtUp(admin, group, inputEnds, repartition), streams::failed);
            }
            try (Responder responder = Responder.create(ResponderOptions.dryRun())) {
                new ResponderLoop(client, runtime.wire(), responder).drainToEnd();
            }
            List<Finding> findings = latestPerId(values(TopicReader.read(client, runtime.wire(), Topics.FINDINGS, findingsStart)));
            List<ResponseAction> actions = values(TopicReader.read(client, runtime.wire(), Topics.RESPONSE_ACTIONS, actionsStart));
            return new Result(stats, findings, actions);
        }
    }

    /**
     * One finding per id, the latest written (a finding may be sent again with more to say, e.g. a drift with the call
     * that caused it once that arrives; the same id lands on the same partition, so topic order is write order),
     * ordered by event time then id: the same input gives the same list whatever order the app saw it in.
     */
    public static List<Finding> latestPerId(List<Finding> inTopicOrder) {
        java.util.Map<String, Finding> latest = new java.util.LinkedHashMap<>();
        inTopicOrder.forEach(f -> latest.put(f.getId(), f));
        List<Finding> out = new ArrayList<>(latest.values());
        out.sort(Comparator.comparing(Finding::getEventTime).thenComparing(Finding::getId));
        return out;
    }

    private static <V> List<V> values(List<ConsumerRecord<String, V>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
