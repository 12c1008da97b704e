package io.vigil.streams.detect.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.Origin;
import io.vigil.streams.finding.Detection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fixtures beside this test: one host's rows in order, each with its expected verdict (learning: the default hour). */
class InventoryDriftDetectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    static Stream<JsonNode> fixtures() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(InventoryDriftDetectorTest.class.getResourceAsStream("inventory-drift.fixtures.jsonl"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out.stream();
    }

    static HostInventory row(JsonNode r, int n) {
        Instant t = T0.plusSeconds(60L * r.get("min").asLong());
        InventoryKind kind = InventoryKind.valueOf(r.get("kind").asText());
        HostInventory.Builder b = HostInventory.newBuilder().setHostIdentifier("web-1").setHostname("web-1").setInstanceId("i-0aaa1111bbbb2222c")
                .setQueryName(kind == InventoryKind.PACKAGE ? "deb_packages" : "listening_ports").setKind(kind)
                .setAction(InventoryAction.valueOf(r.get("action").asText())).setEventTime(t).setOrigin(new Origin("osqueryd.results.log", "line " + n, "osquery", t));
        if (kind == InventoryKind.PACKAGE) {
            b.setPackageName(r.get("name").asText()).setPackageVersion(r.get("version").asText()).setPackageSource("deb");
        } else {
            b.setPort(r.get("port").asInt()).setProtocol(6).setAddress(r.get("address").asText()).setProcessName(r.get("process").asText())
                    .setPath(r.get("path").asText()).setPid(1000L + n);
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void verdictsMatchTheFixture(JsonNode fixture) {
        InventorySettings settings = InventorySettings.defaults();
        HostSoftware baseline = null;
        Map<String, String> idsByGroup = new HashMap<>();
        int n = 0;
        for (JsonNode r : fixture.get("rows")) {
            HostInventory row = row(r, n++);
            List<Detection> ds = InventoryDriftDetector.score(baseline, row, settings);
            JsonNode expect = r.get("expect");
            if (expect.isNull()) {
                assertThat(ds).as("row %d of %s", n, fixture.get("name")).isEmpty();
            } else {
                assertThat(ds).as("row %d of %s", n, fixture.get("name")).singleElement().satisfies(d -> {
                    assertThat(d.detector()).isEqualTo(expect.get(0).asText());
                    assertThat(d.severity().name()).isEqualTo(expect.get(1).asText());
                    assertThat(d.entity()).isEqualTo("i-0aaa1111bbbb2222c");
                    if (expect.size() > 2) {
                        assertThat(d.observed()).containsEntry("change", expect.get(2).asText());
                    }
                    if (expect.size() > 3) { // rows of one group must give one finding id
                        String before = idsByGroup.putIfAbsent(expect.get(3).asText(), d.evidenceKey());
                        if (before != null) {
                            assertThat(d.evidenceKey()).isEqualTo(before);
                        }
                    }
                });
            }
            baseline = InventoryDriftDetector.update(baseline, row, settings, ds);
        }
    }
}
