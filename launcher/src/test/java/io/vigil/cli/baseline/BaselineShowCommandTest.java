package io.vigil.cli.baseline;

import io.vigil.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.Origin;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.streams.api.http.ApiSettings;
import io.vigil.streams.api.http.BaselineApiServer;
import io.vigil.streams.api.snapshot.BaselineSnapshots;
import io.vigil.streams.api.snapshot.SnapshotSettings;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilStreams;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil baseline show} prints a host's baseline from the API (with the token from a file) and, with no API, from baseline.snapshots. */
@ExtendWith(EmbeddedKafkaExtension.class)
class BaselineShowCommandTest {
    private static final String TOKEN = "a-token-for-the-show-command-test";
    private static final Instant T = Instant.parse("2024-08-05T00:00:00Z");

    @Test
    void showsAHostFromTheApiAndFromTheSnapshots(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        TopicSetup.ensure(Map.of("bootstrap.servers", bootstrap));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (BaselineApiServer api = BaselineApiServer.start(ApiSettings.from(Map.of(ApiSettings.PORT, port), env -> TOKEN))) {
            Map<String, Object> user = new HashMap<>(Map.of("bootstrap.servers", bootstrap, StreamsConfig.APPLICATION_ID_CONFIG, "show-test",
                    StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1, StreamsConfig.APPLICATION_SERVER_CONFIG, api.applicationServer()));
            try (VigilStreams streams = new VigilStreams(StreamsSettings.of(user, dir.resolve("state")),
                    DetectionContext.live(new SingleObjectWireFormat(), Clock.systemUTC()));
                 BaselineSnapshots snapshots = BaselineSnapshots.start(streams.kafkaStreams(), SnapshotSettings.from(Map.of(SnapshotSettings.INTERVAL_MS, 3_600_000L)),
                         Map.of("bootstrap.servers", bootstrap), new SimpleMeterRegistry(), Clock.systemUTC())) {
                api.serve(streams.kafkaStreams());
                streams.start();
                produce(bootstrap);
                Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
                String url = "http://127.0.0.1:" + port;

                CliRun.Result fromApi = await().atMost(Duration.ofSeconds(90)).until(
                        () -> CliRun.run("baseline", "show", "--kind", "hosts", "--api", url, "--token-file", tokenFile.toString(), "web-1"), r -> r.rc() == 0);
                assertThat(fromApi.out()).contains("\"host\" : \"web-1\"").contains("\"instance_id\" : \"i-0a1\"");
                CliRun.Result refused = CliRun.run("baseline", "show", "--kind", "hosts", "--api", url, "web-1");
                assertThat(refused.rc()).isNotZero();
                assertThat(refused.err()).contains("401");

                await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.scan().stream().anyMatch(s -> s.published() > 0));
                CliRun.Result fromTopic = CliRun.run("baseline", "show", "--kind", "services", "--bootstrap-servers", bootstrap, "web-1");
                assertThat(fromTopic.rc()).isZero();
                assertThat(fromTopic.out()).contains("\"listening\"").contains("\"port\" : 22");
                assertThat(fromTopic.err()).contains("baseline.snapshots");
                CliRun.Result unknown = CliRun.run("baseline", "show", "--kind", "hosts", "--bootstrap-servers", bootstrap, "no-such-host");
                assertThat(unknown.rc()).isEqualTo(1);
                assertThat(unknown.err()).contains("no hosts baseline for no-such-host");
            }
        }
    }

    private static void produce(String bootstrap) {
        var wire = new SingleObjectWireFormat();
        HostInventory row = HostInventory.newBuilder().setHostIdentifier("web-1").setInstanceId("i-0a1").setQueryName("listening_ports")
                .setKind(InventoryKind.LISTENING_PORT).setAction(InventoryAction.SNAPSHOT).setEventTime(T).setPort(22).setProtocol(6)
                .setAddress("0.0.0.0").setColumns(Map.of()).setOrigin(new Origin("test", "line 1", "osquery", T)).build();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap), Topics.INVENTORY_HOST.keySerde().serializer(),
                Topics.INVENTORY_HOST.valueSerde(wire).serializer())) {
            producer.send(new ProducerRecord<>(Topics.INVENTORY_HOST.name(), null, T.toEpochMilli(), "web-1|LISTENING_PORT|6:0.0.0.0:22", row));
        }
    }
}
