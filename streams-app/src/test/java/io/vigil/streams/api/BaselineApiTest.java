package io.vigil.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.streams.api.http.ApiSettings;
import io.vigil.streams.api.query.BaselineKind;
import io.vigil.streams.api.snapshot.BaselineSnapshots;
import io.vigil.streams.inventory.InventoryTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two streams instances sharing the work on a real broker, each serving the baseline API over TLS with
 * a bearer token on a non-loopback bind: any instance answers for every entity (the owner's answer,
 * forwarded when the owner is the other one); requests without the token get 401 and nothing else; the
 * snapshots and gauges cover the entities of both.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaselineApiTest {
    private static final String TOKEN = "s3cret-token-for-the-api-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> hosts = ApiFixtures.spread("host-", 6, 3);
    private final List<String> instances = hosts.stream().map(h -> "i-" + h).toList();
    private StreamsInstance a;
    private StreamsInstance b;
    private HttpClient client;
    private String bootstrap;

    @BeforeAll
    void start(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        bootstrap = kafka.bootstrapServers();
        TestTopics.createAll(bootstrap);
        Path keystore = Keystores.selfSigned(dir);
        client = HttpClient.newBuilder().sslContext(Keystores.trusting(keystore)).connectTimeout(Duration.ofSeconds(5)).build();
        a = new StreamsInstance(bootstrap, "api-test", dir.resolve("a"), api(keystore), TOKEN);
        b = new StreamsInstance(bootstrap, "api-test", dir.resolve("b"), api(keystore), TOKEN);
        ApiFixtures.produce(bootstrap, hosts, instances);
        await().atMost(Duration.ofSeconds(90)).until(() -> a.running() && b.running()
                && a.kafkaStreams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty())
                && b.kafkaStreams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty()));
    }

    private static Map<String, Object> api(Path keystore) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put(ApiSettings.BIND, "0.0.0.0");
        p.put(ApiSettings.PORT, ApiFixtures.freePort());
        p.put(ApiSettings.ADVERTISED_HOST, "127.0.0.1");
        p.put(ApiSettings.KEYSTORE, keystore.toString());
        p.put(ApiSettings.KEYSTORE_PASSWORD, Keystores.PASSWORD);
        return p;
    }

    @AfterAll
    void stop() {
        Stream.of(a, b).filter(java.util.Objects::nonNull).forEach(StreamsInstance::close);
    }

    @Test
    void everyInstanceAnswersForEveryHostWhoeverOwnsIt() {
        for (StreamsInstance asked : List.of(a, b)) {
            for (int i = 0; i < hosts.size(); i++) {
                String host = hosts.get(i);
                JsonNode body = await().atMost(Duration.ofSeconds(60)).until(() -> get(asked, "/inventory/hosts/" + host, TOKEN), r -> r.statusCode() == 200)
                        .body().transform(ApiFixturesJson::parse);
                assertThat(body.path("host").asText()).isEqualTo(host);
                assertThat(body.path("instance_id").asText()).isEqualTo(instances.get(i));
            }
        }
        // Each instance owns some hosts, so each answer above for the other's hosts was forwarded.
        List<HostInfo> owners = hosts.stream().map(h -> a.kafkaStreams().queryMetadataForKey(InventoryTables.STORE, h, Serdes.String().serializer())
                .activeHost()).distinct().toList();
        assertThat(owners).hasSize(2);
    }

    @Test
    void flowProfilesPrincipalsConfigurationsAndServicesAreFoundFromEitherInstance() {
        for (String instance : instances) {
            await().atMost(Duration.ofSeconds(60)).until(() -> get(a, "/baselines/flows/" + instance, TOKEN), r -> r.statusCode() == 200);
            JsonNode flow = ApiFixturesJson.parse(get(b, "/baselines/flows/" + instance, TOKEN).body());
            assertThat(flow.path("entity").asText()).isEqualTo(instance);
            assertThat(flow.path("learning").path("state").asText()).isEqualTo("learning");
        }
        JsonNode principal = ApiFixturesJson.parse(await().atMost(Duration.ofSeconds(60))
                .until(() -> get(b, "/baselines/principals/" + ApiFixtures.PRINCIPAL, TOKEN), r -> r.statusCode() == 200).body());
        assertThat(principal.path("events").asLong()).isEqualTo(1);
        assertThat(principal.path("first_seen").asText()).isEqualTo("2024-08-05T00:00:00Z");
        await().atMost(Duration.ofSeconds(60)).until(() -> get(a, "/baselines/config/" + ApiFixtures.RESOURCE, TOKEN), r -> r.statusCode() == 200);
        assertThat(get(b, "/baselines/config/sg-1", TOKEN).statusCode()).as("a bare resource id is looked for everywhere").isEqualTo(200);

        JsonNode services = ApiFixturesJson.parse(get(a, "/baselines/services/" + hosts.get(0), TOKEN).body());
        assertThat(services.path("listening").get(0).path("port").asInt()).isEqualTo(22);
        assertThat(services.path("flow_entities").toString()).contains(instances.get(0));
        assertThat(services.path("used_in_flows").get(0).path("port").asInt()).isEqualTo(5432);

        assertThat(get(a, "/baselines/flows/i-unknown", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get(b, "/inventory/hosts/unknown-host", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get(b, "/no/such/path", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void requestsWithoutTheTokenGet401AndAnEmptyBody() {
        String path = "/inventory/hosts/" + hosts.get(0);
        for (String token : new String[] {null, "wrong-token-of-some-length", TOKEN + "x", ""}) {
            HttpResponse<String> r = get(a, path, token);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).isEmpty();
        }
        HttpResponse<String> r = get(a, "/does/not/matter", "wrong-token-of-some-length");
        assertThat(r.statusCode()).as("nothing is revealed before the token is checked").isEqualTo(401);
    }

    @Test
    void snapshotsAndGaugesCoverTheEntitiesOfBothInstances() {
        // Partitions are processed in no particular order: wait for every entity, not only the last one sent.
        await().atMost(Duration.ofSeconds(60)).until(() -> instances.stream().allMatch(i -> get(a, "/baselines/flows/" + i, TOKEN).statusCode() == 200)
                && hosts.stream().allMatch(h -> get(a, "/inventory/hosts/" + h, TOKEN).statusCode() == 200));
        List<BaselineSnapshots.StoreScan> scans = new ArrayList<>(a.snapshots.scan());
        scans.addAll(b.snapshots.scan());
        assertThat(total(scans, BaselineKind.HOSTS)).isEqualTo(hosts.size());
        assertThat(total(scans, BaselineKind.FLOWS)).isEqualTo(instances.size());
        assertThat(scans.stream().filter(s -> s.kind() == BaselineKind.FLOWS).mapToLong(BaselineSnapshots.StoreScan::learning).sum())
                .isEqualTo(instances.size());
        assertThat(gauge("vigil_baseline_entities", "inventory-hosts")).isEqualTo(hosts.size());
        assertThat(gauge("vigil_baseline_learning_entities", "flow-profiles")).isEqualTo(instances.size());
        assertThat(gauge("vigil_baseline_learning_entities", "principal-profiles")).as("one call is not yet a baseline").isEqualTo(1);
        assertThat(gauge("vigil_baseline_learning_entities", "config-baselines")).as("learned from the first item").isZero();
        assertThat(gauge("vigil_baseline_state_bytes", "flow-profiles")).isPositive();

        Map<String, JsonNode> snapshots = snapshots();
        for (int i = 0; i < hosts.size(); i++) {
            assertThat(snapshots.get("hosts/" + hosts.get(i)).path("baseline").path("instance_id").asText()).isEqualTo(instances.get(i));
            assertThat(snapshots.get("flows/" + instances.get(i)).path("baseline").path("records").asLong()).isEqualTo(1);
            assertThat(snapshots.get("flows/" + instances.get(i)).path("baseline").has("recent_connections")).isFalse();
        }
        assertThat(snapshots).containsKeys("principals/" + ApiFixtures.PRINCIPAL, "config/" + ApiFixtures.RESOURCE);

        // Nothing changed: the next scan publishes nothing.
        assertThat(a.snapshots.scan()).allSatisfy(s -> assertThat(s.published()).isZero());
    }

    private static long total(List<BaselineSnapshots.StoreScan> scans, BaselineKind kind) {
        return scans.stream().filter(s -> s.kind() == kind).mapToLong(BaselineSnapshots.StoreScan::entities).sum();
    }

    private double gauge(String name, String store) {
        return Stream.of(a, b).mapToDouble(i -> i.registry.get(name).tag("store", store).gauge().value()).sum();
    }

    private Map<String, JsonNode> snapshots() {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", bootstrap));
        Map<String, JsonNode> out = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor("baseline.snapshots").stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.put(r.key(), ApiFixturesJson.parse(r.value())));
                return parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return out;
    }

    private HttpResponse<String> get(StreamsInstance at, String path, String token) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(new URI("https", null, "127.0.0.1", at.api.port(), path, null, null))
                    .timeout(Duration.ofSeconds(20)).GET();
            if (token != null) {
                req.header("Authorization", "Bearer " + token);
            }
            return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON parsing without checked exceptions, for lambdas. */
    static final class ApiFixturesJson {
        static JsonNode parse(String s) {
            try {
                return JSON.readTree(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
