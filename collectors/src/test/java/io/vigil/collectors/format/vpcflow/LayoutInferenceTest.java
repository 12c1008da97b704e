package io.vigil.collectors.format.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayoutInferenceTest {
    @Test
    void infersTheTransitGatewayExampleOrderOfTheAwsDocumentation() {
        FlowLayout layout = infer("3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb i-01234567890123456 "
                + "10.20.33.164 10.40.2.236 39812 80 6 3 IPv4 10.20.33.164 10.40.2.236 ACCEPT OK");

        assertThat(layout).hasToString("version interface-id account-id vpc-id subnet-id instance-id srcaddr dstaddr srcport dstport protocol "
                + "tcp-flags type pkt-srcaddr pkt-dstaddr action log-status");
        assertThat(layout.complete()).isTrue();
    }

    @Test
    void placesTimesPacketCountsServicesAndLoneNumbers() {
        FlowLayout layout = infer("5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 vpc-abcdefab012345678 "
                + "subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 ACCEPT 3 10.0.0.71 52.95.128.179 "
                + "AMAZON S3 8 egress OK");

        assertThat(layout).hasToString("version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id "
                + "instance-id interface-id region az-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service "
                + "traffic-path flow-direction log-status");
    }

    @Test
    void dashesLeaveTheLayoutIncomplete() {
        FlowLayout layout = infer("- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5");

        assertThat(layout).hasToString("? interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr");
        assertThat(layout.complete()).isFalse();
    }

    @Test
    void refusesWhatCannotBePlacedExactlyOnce() {
        assertThat(infer("web01 said hello to db02 at noon")).isNull();
        assertThat(infer("eni-1 eni-2 10.0.0.1 10.0.0.2 OK")).as("two interfaces: which is which?").isNull();
        assertThat(infer("10.0.0.1 10.0.0.2 443 OK")).as("too few numbers after the addresses for ports and protocol").isNull();
        assertThat(infer("eni-1 vpc-1 subnet-1")).as("no addresses and no log status: not a flow").isNull();
    }

    @Test
    void recognisesDamagedDefaultLines() {
        String[] tokens = "2 123456789010 eni-1 10.0.0.1".split(" ");

        assertThat(LayoutInference.startsLikeDefault(tokens, tokens.length)).isTrue();
        assertThat(LayoutInference.startsLikeDefault("3 eni-1 123456789010".split(" "), 3)).isFalse();
    }

    private static FlowLayout infer(String line) {
        String[] tokens = line.split(" ");
        return LayoutInference.infer(tokens, tokens.length);
    }
}
