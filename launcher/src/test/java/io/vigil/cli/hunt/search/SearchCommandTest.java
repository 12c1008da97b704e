package io.vigil.cli.hunt.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.cli.CliRun;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.collectors.file.FileCollector;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil hunt search} against a real broker holding collected flows and CloudTrail events. */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private String bootstrap;

    @BeforeAll
    void collect(EmbeddedKafka broker, @TempDir Path dir) throws Exception {
        bootstrap = broker.bootstrapServers();
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap);
        TopicSetup.ensure(props);
        // 2026-11-01T00:00:00Z = 1793491200; the third flow is a day later, outside the searched range.
        Files.writeString(dir.resolve("flows.log"), """
                2 111122223333 eni-0a 10.0.0.9 203.0.113.50 40000 443 6 3 180 1793491200 1793491260 ACCEPT OK
                2 111122223333 eni-0a 10.0.0.9 10.0.1.5 40001 22 6 3 180 1793491300 1793491360 ACCEPT OK
                2 111122223333 eni-0a 10.0.0.9 203.0.113.50 40002 443 6 3 180 1793577600 1793577660 ACCEPT OK
                """);
        Files.writeString(dir.resolve("trail.json"), "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/mallory\",\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAMALLORY\",\"userName\":\"mallory\"},"
                + "\"eventTime\":\"2026-11-01T00:10:00Z\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"203.0.113.50\",\"userAgent\":\"evil\\u001b[2J\",\"requestParameters\":null,\"responseElements\":null,"
                + "\"eventID\":\"ev-1\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}]}");
        Clock clock = Clock.systemUTC();
        try (Publisher publisher = new Publisher(props, new SingleObjectWireFormat())) {
            new FileCollector(new Readers(clock), publisher, clock, CollectorMetrics.none()).collect(List.of(dir));
        }
    }

    private List<String> run(String... args) {
        return runUntil("2026-11-01T12:00:00Z", args);
    }

    private List<String> runUntil(String to, String... args) {
        List<String> all = new ArrayList<>(List.of("hunt", "search", "--bootstrap-servers", bootstrap, "--from", "2026-11-01T00:00:00Z", "--to", to));
        all.addAll(List.of(args));
        CliRun.Result r = CliRun.run(all.toArray(String[]::new));
        assertThat(r.rc()).as(r.err()).isZero();
        return r.out().lines().toList();
    }

    @Test
    void anAddressIsFoundInFlowsAndCallsWithinTheRangeOnly() throws Exception {
        List<JsonNode> matches = new ArrayList<>();
        for (String line : run("--ip", "203.0.113.0/24")) {
            matches.add(JSON.readTree(line));
        }
        assertThat(matches).extracting(m -> m.get("topic").asText() + " " + m.get("matched").asText())
                .containsExactlyInAnyOrder("flows.raw dstaddr", "audit.events source_ip");
        assertThat(matches).allSatisfy(m -> {
            assertThat(m.get("offset").isIntegralNumber()).isTrue();
            assertThat(m.get("partition").isIntegralNumber()).isTrue();
            assertThat(m.get("time").asText()).startsWith("2026-11-01T00:");
        });
        assertThat(matches).filteredOn(m -> m.get("topic").asText().equals("audit.events"))
                .singleElement().satisfies(m -> assertThat(m.path("record").path("user_agent").asText()).isEqualTo("evil\u001b[2J"));
    }

    @Test
    void anAccessKeyShowsAsATableWithTheTerminalSafe() {
        List<String> lines = run("--access-key", "AKIAMALLORY", "--format", "table");
        assertThat(lines).singleElement().satisfies(l -> assertThat(l).contains("audit.events/").contains("access_key_id")
                .contains("ListUsers by arn:aws:iam::111122223333:user/mallory from 203.0.113.50 (evil\\u001b[2J)").doesNotContain("\u001b"));
    }

    @Test
    void nothingMatchesOutsideTheRange() {
        assertThat(runUntil("2026-11-01T00:01:00Z", "--ip", "10.0.1.5")).isEmpty();
        assertThat(run("--ip", "10.0.1.5")).hasSize(1);
    }
}
