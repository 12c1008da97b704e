package io.vigil.collectors.format.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Rejected;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.topics.Topics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VpcFlowReaderTest {
    private final VpcFlowReader reader = new VpcFlowReader(ReaderHarness.CLOCK);

    @ParameterizedTest
    @ValueSource(strings = {"default-formats.log", "custom-header.log", "bad-records.log", "json-wrapped.log",
            "cloudwatch-subscription.json", "awslogs-envelope.json", "custom-no-header.log"})
    void eachRecordGetsTheVerdictWrittenBesideTheFixture(String fixture) {
        ReaderHarness h = ReaderHarness.readFixture(reader, "vpcflow/" + fixture);

        assertThat(h.verdicts()).containsExactlyElementsOf(ReaderHarness.expectedVerdicts("vpcflow/" + fixture));
    }

    @Test
    void mapsEveryFieldOfTheVersion2DefaultFormat() {
        Collected<?> c = ReaderHarness.readFixture(reader, "vpcflow/default-formats.log").accepted().get(0);
        FlowRecord r = (FlowRecord) c.value();

        assertThat(c.topic()).isEqualTo(Topics.FLOWS_RAW);
        assertThat(c.key()).isEqualTo("eni-1235b8ca123456789");
        assertThat(c.eventTime()).isEqualTo(Instant.ofEpochSecond(1418530010));
        assertThat(r.getVersion()).isEqualTo(2);
        assertThat(r.getAccountId()).isEqualTo("123456789010");
        assertThat(r.getInterfaceId()).isEqualTo("eni-1235b8ca123456789");
        assertThat(r.getSrcaddr()).isEqualTo("172.31.16.139");
        assertThat(r.getDstaddr()).isEqualTo("172.31.16.21");
        assertThat(r.getSrcport()).isEqualTo(20641);
        assertThat(r.getDstport()).isEqualTo(22);
        assertThat(r.getProtocol()).isEqualTo(6);
        assertThat(r.getPackets()).isEqualTo(20L);
        assertThat(r.getBytes()).isEqualTo(4249L);
        assertThat(r.getStart()).isEqualTo(Instant.ofEpochSecond(1418530010));
        assertThat(r.getEnd()).isEqualTo(Instant.ofEpochSecond(1418530070));
        assertThat(r.getAction()).isEqualTo("ACCEPT");
        assertThat(r.getLogStatus()).isEqualTo("OK");
        assertThat(r.getVpcId()).isNull();
        assertThat(r.getExtra()).isEmpty();
        assertThat(r.getOrigin().getSource()).isEqualTo("test");
        assertThat(r.getOrigin().getFormat()).isEqualTo("vpcflow");
        assertThat(r.getOrigin().getPosition()).isEqualTo("line 1");
        assertThat(r.getOrigin().getCollectedAt()).isEqualTo(ReaderHarness.NOW);
    }

    @Test
    void writesIpv6AddressesInCanonicalForm() {
        FlowRecord r = flows("vpcflow/default-formats.log").get(1);

        assertThat(r.getSrcaddr()).isEqualTo("2001:db8::1");
        assertThat(r.getDstaddr()).isEqualTo("2001:db8:1234:a102:3304:8879:34cf:4071");
    }

    @Test
    void publishesNoDataAndSkipDataRecordsWithNullsForDashes() {
        List<FlowRecord> flows = flows("vpcflow/default-formats.log");

        assertThat(flows.get(2).getLogStatus()).isEqualTo("NODATA");
        assertThat(flows.get(3).getLogStatus()).isEqualTo("SKIPDATA");
        assertThat(flows.get(2).getSrcaddr()).isNull();
        assertThat(flows.get(2).getSrcport()).isNull();
        assertThat(flows.get(2).getAction()).isNull();
        assertThat(flows.get(2).getStart()).isEqualTo(Instant.ofEpochSecond(1431280876));
    }

    @Test
    void readsTheFieldsAddedByVersions3To5() {
        List<FlowRecord> flows = flows("vpcflow/default-formats.log");
        FlowRecord v3 = flows.get(4);
        FlowRecord v4 = flows.get(5);
        FlowRecord v5 = flows.get(6);

        assertThat(v3.getVpcId()).isEqualTo("vpc-abcdefab012345678");
        assertThat(v3.getSubnetId()).isEqualTo("subnet-aaaaaaaa012345678");
        assertThat(v3.getInstanceId()).isEqualTo("i-01234567890123456");
        assertThat(v3.getTcpFlags()).isEqualTo(18);
        assertThat(v3.getType()).isEqualTo("IPv4");
        assertThat(v3.getPktSrcaddr()).isEqualTo("10.0.0.62");
        assertThat(v3.getPktDstaddr()).isEqualTo("52.213.180.42");
        assertThat(v4.getRegion()).isEqualTo("us-east-1");
        assertThat(v4.getAzId()).isEqualTo("use1-az5");
        assertThat(v4.getSublocationType()).isEqualTo("outpost");
        assertThat(v4.getSublocationId()).isEqualTo("op-0123456789abcdef0");
        assertThat(v5.getPktSrcAwsService()).isEqualTo("S3");
        assertThat(v5.getPktDstAwsService()).isNull();
        assertThat(v5.getFlowDirection()).isEqualTo("ingress");
        assertThat(v5.getTrafficPath()).isNull();
    }

    @Test
    void keepsEcsFieldsInExtraAndReadsTheVersion8RejectReason() {
        List<FlowRecord> flows = flows("vpcflow/default-formats.log");
        FlowRecord v7 = flows.get(7);
        FlowRecord v8 = flows.get(8);

        assertThat(v7.getTrafficPath()).isEqualTo(1);
        assertThat(v7.getExtra()).containsEntry("ecs-cluster-name", "prod")
                .containsEntry("ecs-service-name", "payments")
                .containsEntry("ecs-task-id", "def")
                .doesNotContainKey("ecs-second-container-id");
        assertThat(v7.getRejectReason()).isNull();
        assertThat(v8.getRejectReason()).isEqualTo("BPA");
    }

    @Test
    void readsTheTransitGatewayDefaultFormatKeyedBySourceAddress() {
        Collected<?> c = ReaderHarness.readFixture(reader, "vpcflow/default-formats.log").accepted().get(9);
        FlowRecord tgw = (FlowRecord) c.value();

        assertThat(tgw.getVersion()).isEqualTo(6);
        assertThat(tgw.getAccountId()).isEqualTo("123456789012");
        assertThat(tgw.getSrcaddr()).isEqualTo("10.1.0.5");
        assertThat(tgw.getDstport()).isEqualTo(22);
        assertThat(tgw.getLogStatus()).isEqualTo("OK");
        assertThat(tgw.getTcpFlags()).isEqualTo(2);
        assertThat(tgw.getFlowDirection()).isEqualTo("egress");
        assertThat(tgw.getExtra()).containsEntry("tgw-id", "tgw-0a12bc34de56f7890")
                .containsEntry("tgw-attachment-id", "tgw-attach-0789abcd")
                .containsEntry("tgw-src-eni", "eni-0cc3dd4ee5f66aa7b")
                .containsEntry("packets-lost-blackhole", "0");
        assertThat(c.key()).isEqualTo("10.1.0.5");
    }

    @Test
    void aHeaderAnnouncesTheOrderAndALaterHeaderReplacesIt() {
        ReaderHarness h = ReaderHarness.readFixture(reader, "vpcflow/custom-header.log");
        List<FlowRecord> flows = h.values(FlowRecord.class);

        assertThat(h.read()).as("headers and blank lines are no records").isEqualTo(7);
        assertThat(flows.get(0).getTcpFlags()).isEqualTo(2);
        assertThat(flows.get(0).getBytes()).isEqualTo(568L);
        assertThat(flows.get(0).getPackets()).isEqualTo(8L);
        FlowRecord nat = flows.get(2);
        assertThat(nat.getInstanceId()).isNull();
        assertThat(nat.getPktDstaddr()).isEqualTo("203.0.113.5");
        assertThat(nat.getVersion()).as("highest version among the fields: pkt-dstaddr is v3").isEqualTo(3);
        FlowRecord withExtra = flows.get(3);
        assertThat(withExtra.getExtra()).containsEntry("ecs-task-id", "6adbd0d6-211").containsEntry("future-field", "something-new");
        assertThat(withExtra.getVersion()).isEqualTo(7);
    }

    @Test
    void anInferredLayoutReadsTheSameAsTheHeaderThatDescribesIt() {
        String header = "version interface-id account-id vpc-id subnet-id instance-id srcaddr dstaddr srcport dstport protocol tcp-flags type "
                + "pkt-srcaddr pkt-dstaddr action log-status\n";
        String body = new String(ReaderHarness.fixtureBytes("vpcflow/custom-no-header.log"), StandardCharsets.UTF_8)
                .lines().limit(3).map(l -> l + "\n").reduce("", String::concat);

        List<FlowRecord> inferred = ReaderHarness.read(reader, body).values(FlowRecord.class);
        List<FlowRecord> announced = ReaderHarness.read(reader, header + body).values(FlowRecord.class);

        assertThat(inferred).hasSize(3);
        for (int i = 0; i < 3; i++) {
            announced.get(i).setOrigin(inferred.get(i).getOrigin());
            assertThat(inferred.get(i)).isEqualTo(announced.get(i));
        }
        assertThat(inferred.get(0).getTcpFlags()).isEqualTo(3);
    }

    @Test
    void aBadFieldIsNamedAndTheOriginalLineKept() {
        Rejected bad = ReaderHarness.readFixture(reader, "vpcflow/bad-records.log").rejected().get(0);

        assertThat(bad.reason()).isEqualTo("bad_field");
        assertThat(bad.detail()).contains("srcaddr").contains("999.0.0.1");
        assertThat(bad.position()).isEqualTo("line 2");
        assertThat(new String(bad.payload(), StandardCharsets.UTF_8)).startsWith("2 123456789010 eni-1235b8ca123456789 999.0.0.1 ");
    }

    @Test
    void eventTimeIsStartElseEndElseCollectionTime() {
        String text = "interface-id start end log-status\n"
                + "eni-1 - 1700000060 NODATA\n"
                + "eni-1 - - NODATA\n";

        List<Collected<?>> records = ReaderHarness.read(reader, text).accepted();

        assertThat(records.get(0).eventTime()).isEqualTo(Instant.ofEpochSecond(1700000060));
        assertThat(records.get(1).eventTime()).isEqualTo(ReaderHarness.NOW);
    }

    @Test
    void keyIsTheInstanceWhenThereIsNoInterface() {
        String text = "instance-id srcaddr dstaddr log-status\ni-0123 10.0.0.1 10.0.0.2 OK\n";

        assertThat(ReaderHarness.read(reader, text).accepted().get(0).key()).isEqualTo("i-0123");
    }

    @Test
    void aLineThatIsNotUtf8OrAsciiIsRejectedAndTheNextLineRead() {
        byte[] good = "2 123456789010 eni-1 10.0.0.1 10.0.0.2 443 49152 6 10 840 1418530010 1418530070 ACCEPT OK\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "2 123456789010 eni-\u00e9 10.0.0.1 10.0.0.2 443 49152 6 10 840 1418530010 1418530070 ACCEPT OK\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = concat(bad, good);

        ReaderHarness h = ReaderHarness.read(reader, content);

        assertThat(h.verdicts()).containsExactly("line 1: rejected malformed_line", "line 2: published");
    }

    @Test
    void aTruncatedStreamEscapesAfterTheReadableRecordsWerePublished() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("2 123456789010 eni-1 10.0.0.1 10.0.0.2 443 ").append(i).append(" 6 10 840 1418530010 1418530070 ACCEPT OK\n");
        }
        byte[] gzip = gzip(text.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] truncated = Arrays.copyOf(gzip, gzip.length / 2);
        ReaderHarness sink = ReaderHarness.read(reader, "");

        assertThatThrownBy(() -> reader.read(new GZIPInputStream(new ByteArrayInputStream(truncated)), "test", sink))
                .isInstanceOf(EOFException.class);
        assertThat(sink.accepted()).isNotEmpty();
        assertThat(sink.rejected()).isEmpty();
    }

    private List<FlowRecord> flows(String fixture) {
        return ReaderHarness.readFixture(reader, fixture).values(FlowRecord.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }
}
