package io.vigil.collectors.format.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatDetector;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The format detector recognises every flow log shape the reader accepts, and still tells CloudTrail apart. */
class VpcFlowDetectionTest {
    @ParameterizedTest
    @ValueSource(strings = {"default-formats.log", "custom-header.log", "bad-records.log", "json-wrapped.log", "cloudwatch-subscription.json",
            "awslogs-envelope.json", "custom-no-header.log"})
    void recognisesTheFixtures(String fixture) {
        assertThat(detect(ReaderHarness.fixtureBytes("vpcflow/" + fixture))).isEqualTo(Format.VPCFLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr\n- eni-1 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5\n",
            "${version} ${vpc-id} ${srcaddr} ${dstaddr} ${log-status}\n",
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"})
    void recognisesHeadersInAnyOrder(String text) {
        assertThat(detect(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(Format.VPCFLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Phony unsupported log format.\n", "eni-1 vpc-2 subnet-3 i-4\n", "hello world\n"})
    void leavesOtherTextUnknown(String text) {
        assertThat(detect(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(Format.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}]}",
            "{\"eventVersion\":\"1.08\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"sourceIPAddress\":\"10.0.0.1\"}\n"})
    void stillRecognisesCloudTrail(String text) {
        assertThat(detect(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(Format.CLOUDTRAIL);
    }

    private static Format detect(byte[] content) {
        return FormatDetector.detect(content, content.length);
    }
}
