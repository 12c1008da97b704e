package io.vigil.collectors.format.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.json.Json;
import io.vigil.schemas.FlowRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Elastic's VPC flow parser fixtures (shared third-party data, read in place): every line of every
 * input parses to the fields Elastic's pipeline expects, field by field; the malformed input is
 * dead-lettered. Skipped when the shared data is absent.
 */
class ElasticVpcFlowFixturesTest {
    private static final Path FIXTURES = ReaderHarness.sharedData("elastic-aws-vpcflow-parser-fixtures");

    static Stream<String> inputs() throws IOException {
        if (!Files.isDirectory(FIXTURES.resolve("integrations"))) {
            return Stream.of("absent");
        }
        try (Stream<Path> files = Files.list(FIXTURES.resolve("integrations"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyLineHasTheFieldsElasticExpects(String input) throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "shared data absent");
        Path log = FIXTURES.resolve("integrations").resolve(input);
        List<JsonNode> expected = toList(Json.MAPPER.readTree(log.resolveSibling(input + "-expected.json").toFile()).get("expected"));

        ReaderHarness h = ReaderHarness.collect(log);

        assertThat(h.format()).isEqualTo(Format.VPCFLOW);
        assertThat(h.rejected()).isEmpty();
        List<FlowRecord> flows = h.values(FlowRecord.class);
        assertThat(flows).hasSameSizeAs(expected);
        List<String> lines = Files.readAllLines(log);
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < flows.size(); i++) {
            FlowRecord r = flows.get(i);
            Map<String, String> e = flatten(expected.get(i));
            String line = lines.get(Integer.parseInt(r.getOrigin().getPosition().substring("line ".length())) - 1);
            soft.assertThat(line).as("record %d is the line Elastic parsed", i).contains(e.get("event.original"));
            compare(soft, "record " + i, r, e);
        }
        soft.assertAll();
    }

    @Test
    void theMalformedInputIsNotReadAsFlows() throws IOException {
        Path bad = FIXTURES.resolve("beats/bad.log");
        assumeTrue(Files.isRegularFile(bad), "shared data absent");

        ReaderHarness detected = ReaderHarness.collect(bad);
        ReaderHarness forced = ReaderHarness.read(new VpcFlowReader(ReaderHarness.CLOCK), Files.readAllBytes(bad));

        assertThat(detected.format()).isEqualTo(Format.UNKNOWN);
        assertThat(forced.accepted()).isEmpty();
        assertThat(forced.verdicts()).containsExactly("line 1: rejected unknown_layout");
    }

    @Test
    void theHeaderlessCustomTransitGatewayOrderIsInferred() throws IOException {
        Path custom = FIXTURES.resolve("beats/custom-transit-gateway.log");
        assumeTrue(Files.isRegularFile(custom), "shared data absent");

        ReaderHarness h = ReaderHarness.collect(custom);

        assertThat(h.format()).isEqualTo(Format.VPCFLOW);
        assertThat(h.rejected()).isEmpty();
        FlowRecord r = h.values(FlowRecord.class).get(0);
        // Values of Elastic beats' custom-transit-gateway.log-expected.json
        assertThat(r.getInterfaceId()).isEqualTo("eni-33333333333333333");
        assertThat(r.getAccountId()).isEqualTo("123456789010");
        assertThat(r.getInstanceId()).isEqualTo("i-01234567890123456");
        assertThat(r.getSrcaddr()).isEqualTo("10.20.33.164");
        assertThat(r.getDstaddr()).isEqualTo("10.40.2.236");
        assertThat(r.getSrcport()).isEqualTo(39812);
        assertThat(r.getDstport()).isEqualTo(80);
        assertThat(r.getProtocol()).isEqualTo(6);
        assertThat(r.getTcpFlags()).isEqualTo(3);
        assertThat(r.getType()).isEqualTo("IPv4");
        assertThat(r.getPktSrcaddr()).isEqualTo("10.20.33.164");
        assertThat(r.getAction()).isEqualTo("ACCEPT");
        assertThat(r.getLogStatus()).isEqualTo("OK");
    }

    private static void compare(SoftAssertions soft, String what, FlowRecord r, Map<String, String> e) {
        both(soft, what, "source.ip", e, r.getSrcaddr());
        both(soft, what, "destination.ip", e, r.getDstaddr());
        both(soft, what, "source.port", e, r.getSrcport());
        both(soft, what, "destination.port", e, r.getDstport());
        both(soft, what, "network.iana_number", e, r.getProtocol());
        both(soft, what, "network.bytes", e, r.getBytes());
        both(soft, what, "network.packets", e, r.getPackets());
        both(soft, what, "aws.vpcflow.action", e, r.getAction());
        both(soft, what, "aws.vpcflow.log_status", e, r.getLogStatus());
        both(soft, what, "event.start", e, r.getStart());
        both(soft, what, "event.end", e, r.getEnd());
        ifExpected(soft, what, "source.bytes", e, r.getBytes());
        ifExpected(soft, what, "source.packets", e, r.getPackets());
        ifExpected(soft, what, "aws.vpcflow.version", e, r.getVersion());
        ifExpected(soft, what, "aws.vpcflow.account_id", e, r.getAccountId());
        ifExpected(soft, what, "aws.vpcflow.interface_id", e, r.getInterfaceId());
        ifExpected(soft, what, "aws.vpcflow.instance_id", e, r.getInstanceId());
        ifExpected(soft, what, "aws.vpcflow.vpc_id", e, r.getVpcId());
        ifExpected(soft, what, "aws.vpcflow.subnet_id", e, r.getSubnetId());
        ifExpected(soft, what, "aws.vpcflow.type", e, r.getType());
        ifExpected(soft, what, "aws.vpcflow.pkt_srcaddr", e, r.getPktSrcaddr());
        ifExpected(soft, what, "aws.vpcflow.pkt_dstaddr", e, r.getPktDstaddr());
        ifExpected(soft, what, "aws.vpcflow.pkt_src_service", e, r.getPktSrcAwsService());
        ifExpected(soft, what, "aws.vpcflow.pkt_dst_service", e, r.getPktDstAwsService());
        ifExpected(soft, what, "aws.vpcflow.tcp_flags", e, r.getTcpFlags());
        ifExpected(soft, what, "aws.vpcflow.traffic_path", e, r.getTrafficPath());
        ifExpected(soft, what, "network.direction", e, r.getFlowDirection());
        ifExpected(soft, what, "event.reason", e, r.getRejectReason());
        if (!"-".equals(e.get("cloud.region"))) {
            ifExpected(soft, what, "cloud.region", e, r.getRegion());
        }
        if (!"-".equals(e.get("cloud.availability_zone"))) {
            ifExpected(soft, what, "cloud.availability_zone", e, r.getAzId());
        }
        // Transit gateway and ECS fields live in extra under their AWS names: aws.vpcflow.tgw_src_eni -> tgw-src-eni
        e.forEach((key, value) -> {
            if (key.startsWith("aws.vpcflow.tgw_") || key.startsWith("aws.vpcflow.ecs_")) {
                String awsName = key.substring("aws.vpcflow.".length()).replace('_', '-');
                soft.assertThat(r.getExtra().get(awsName)).as("%s %s", what, key).isEqualTo(value);
            }
        });
    }

    /** Present in Elastic's document exactly when present in ours, with the same value. */
    private static void both(SoftAssertions soft, String what, String key, Map<String, String> e, Object ours) {
        soft.assertThat(text(ours)).as("%s %s", what, key).isEqualTo(e.get(key));
    }

    private static void ifExpected(SoftAssertions soft, String what, String key, Map<String, String> e, Object ours) {
        if (e.containsKey(key)) {
            both(soft, what, key, e, ours);
        }
    }

    private static String text(Object value) {
        if (value instanceof Instant t) {
            return t.toString().replace("Z", ".000Z");
        }
        return value == null ? null : value.toString();
    }

    private static Map<String, String> flatten(JsonNode doc) {
        Map<String, String> out = new HashMap<>();
        flatten("", doc, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(f -> flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out));
        } else if (node.isValueNode()) {
            out.put(prefix, node.asText());
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
