package io.vigil.streams.detect.cross;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.Origin;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-source family, built by its own addTo, under TopologyTestDriver, against the scenarios in
 * exposed-port.fixtures.jsonl beside it: configuration items of a security group and its instance, flows, and the verdict.
 */
class CrossDetectionsTopologyTest {
    private static final WireFormat WIRE = new SingleObjectWireFormat();
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(getClass().getResourceAsStream("exposed-port.fixtures.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode f = JSON.readTree(line);
                tests.add(DynamicTest.dynamicTest(f.get("case").asText(), () -> {
                    List<Finding> found = run(f.get("events"), Files.createTempDirectory(state, "case"));
                    if (f.get("expect").isNull()) {
                        assertThat(found).isEmpty();
                    } else {
                        assertThat(found).singleElement().satisfies(x -> assertThat(x.getSeverity().name()).isEqualTo(f.get("expect").asText()));
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void theFindingJoinsTheChangeAndTheFlowWithEvidenceFromBoth() throws Exception {
        JsonNode events = JSON.readTree("[{\"sg\": [], \"at\": 0}, {\"instance\": \"i-1\", \"eni\": \"eni-1\", \"at\": 1}, {\"sg\": [\"tcp/22\"], \"at\": 10},"
                + "{\"flow\": \"eni-1\", \"peer\": \"203.0.113.9\", \"port\": 22, \"action\": \"ACCEPT\", \"packets\": 20, \"at\": 25},"
                + "{\"flow\": \"eni-1\", \"peer\": \"203.0.113.10\", \"port\": 22, \"action\": \"ACCEPT\", \"packets\": 20, \"at\": 26}]");
        Finding f = run(events, state).get(0);
        assertThat(f.getDetector()).isEqualTo("cross.exposed_port_probed");
        assertThat(f.getEntity()).isEqualTo("i-1");
        assertThat(f.getEventTime()).isEqualTo(T0.plusSeconds(25 * 60));
        assertThat(f.getEvidence().getObserved()).containsEntry("security_group", "sg-web").containsEntry("opened_to_world", "tcp/22")
                .containsEntry("opened_at", T0.plusSeconds(600).toString()).containsEntry("config_state_id", "10").containsEntry("peer", "203.0.113.9")
                .containsEntry("port", "tcp/22").containsEntry("minutes_after_opening", "15");
        assertThat(f.getSources()).extracting(s -> s.getTopic()).containsExactly("config.changes", "flows.raw");
        assertThat(f.getSummary()).contains("sg-web was opened to the internet on tcp/22").contains("203.0.113.9 connected to i-1");
        assertThat(run(events, Files.createTempDirectory(state, "again"))).as("one finding per opening, not per flow")
                .singleElement().extracting(Finding::getId).isEqualTo(f.getId());
    }

    private static List<Finding> run(JsonNode events, Path dir) {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "cross-test"), dir));
        StreamsBuilder builder = new StreamsBuilder();
        CrossDetections.addTo(builder, DetectionContext.live(WIRE, CLOCK));
        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            var items = driver.createInputTopic(Topics.CONFIG_CHANGES.name(), Topics.CONFIG_CHANGES.keySerde().serializer(),
                    Topics.CONFIG_CHANGES.valueSerde(WIRE).serializer());
            var flows = driver.createInputTopic(Topics.FLOWS_RAW.name(), Topics.FLOWS_RAW.keySerde().serializer(), Topics.FLOWS_RAW.valueSerde(WIRE).serializer());
            var out = driver.createOutputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().deserializer(), Topics.FINDINGS.valueSerde(WIRE).deserializer());
            for (JsonNode e : events) {
                Instant at = T0.plusSeconds(e.get("at").asLong() * 60);
                if (e.has("flow")) {
                    FlowRecord r = flow(e, at);
                    flows.pipeInput(r.getInterfaceId(), r, at);
                } else {
                    ConfigChange c = item(e, at);
                    items.pipeInput(c.getResourceType() + "/" + c.getResourceId(), c, at);
                }
            }
            return out.readValuesToList();
        }
    }

    private static ConfigChange item(JsonNode e, Instant at) {
        String type;
        String id;
        String conf;
        if (e.has("sg") || e.has("sg6") || e.has("sg_cidr")) {
            type = "AWS::EC2::SecurityGroup";
            id = "sg-web";
            List<String> rules = new ArrayList<>();
            JsonNode ports = e.has("sg") ? e.get("sg") : e.has("sg6") ? e.get("sg6") : e.get("ports");
            for (JsonNode p : ports) {
                String[] pp = p.asText().split("/");
                String range = e.has("sg6") ? "\"ipv6Ranges\":[{\"cidrIpv6\":\"::/0\"}],\"ipRanges\":[]"
                        : "\"ipv4Ranges\":[{\"cidrIp\":\"" + (e.has("sg_cidr") ? e.get("sg_cidr").asText() : "0.0.0.0/0") + "\"}],\"ipRanges\":[\""
                        + (e.has("sg_cidr") ? e.get("sg_cidr").asText() : "0.0.0.0/0") + "\"]";
                rules.add("{\"ipProtocol\":\"" + pp[0] + "\",\"fromPort\":" + pp[1] + ",\"toPort\":" + pp[1] + "," + range + "}");
            }
            rules.add("{\"ipProtocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,\"ipv4Ranges\":[{\"cidrIp\":\"10.0.0.0/8\"}],\"ipRanges\":[\"10.0.0.0/8\"]}");
            conf = "{\"groupId\":\"sg-web\",\"ipPermissions\":[" + String.join(",", rules) + "]}";
        } else if (e.has("instance")) {
            type = "AWS::EC2::Instance";
            id = e.get("instance").asText();
            String group = e.path("group").asText("sg-web");
            conf = "{\"instanceId\":\"" + id + "\",\"securityGroups\":[{\"groupId\":\"" + group + "\"}],\"networkInterfaces\":[{\"networkInterfaceId\":\""
                    + e.get("eni").asText() + "\",\"groups\":[{\"groupId\":\"" + group + "\",\"groupName\":\"web\"}]}]}";
        } else {
            type = "AWS::EC2::NetworkInterface";
            id = e.get("eni_item").asText();
            conf = "{\"networkInterfaceId\":\"" + id + "\",\"groups\":[{\"groupId\":\"sg-web\"}],\"attachment\":{\"instanceId\":\"i-1\"}}";
        }
        return ConfigChange.newBuilder().setResourceType(type).setResourceId(id).setAccountId("123456789012").setCaptureTime(at).setStatus("OK")
                .setConfiguration(conf).setStateId(Long.toString(e.get("at").asLong())).setRaw("{}").setOrigin(new Origin("t", "r", "awsconfig", at)).build();
    }

    private static FlowRecord flow(JsonNode e, Instant at) {
        return FlowRecord.newBuilder().setVersion(2).setAccountId("123456789012").setInterfaceId(e.get("flow").asText()).setSrcaddr(e.get("peer").asText())
                .setDstaddr("10.0.1.5").setSrcport(51514).setDstport(e.get("port").asInt()).setProtocol(6).setPackets(e.get("packets").asLong())
                .setBytes(e.get("packets").asLong() * 60).setStart(at).setEnd(at.plusSeconds(30)).setAction(e.get("action").asText()).setLogStatus("OK")
                .setOrigin(new Origin("t", "r", "vpcflow", at)).build();
    }
}
