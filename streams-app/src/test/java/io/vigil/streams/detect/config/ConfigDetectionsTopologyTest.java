package io.vigil.streams.detect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.BaselineApproval;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Origin;
import io.vigil.schemas.SourceRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approved baselines and attribution through the configuration family's topology (its own addTo). */
class ConfigDetectionsTopologyTest {
    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    static final String SG = "sg-0a1b2c3d4e5f60718";
    static final String CLOSED = "{\"groupId\":\"" + SG + "\",\"ipPermissions\":[{\"ipProtocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,\"ipRanges\":[\"10.0.0.0/8\"]}]}";
    static final String SSH_OPEN = "{\"groupId\":\"" + SG + "\",\"ipPermissions\":[{\"ipProtocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,\"ipRanges\":[\"10.0.0.0/8\"]},"
            + "{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"ipv4Ranges\":[{\"cidrIp\":\"0.0.0.0/0\"}],\"ipRanges\":[\"0.0.0.0/0\"]}]}";

    @TempDir
    Path state;

    static ConfigChange item(String config, long minutes) {
        return ConfigChange.newBuilder().setResourceType("AWS::EC2::SecurityGroup").setResourceId(SG).setAccountId("123456789012")
                .setCaptureTime(T.plusSeconds(minutes * 60)).setStatus("OK").setConfiguration(config).setStateId(String.valueOf(minutes))
                .setRaw("{}").setOrigin(new Origin("t", "r", "awsconfig", T)).build();
    }

    static BaselineApproval approval(String config, long minutes) {
        return BaselineApproval.newBuilder().setResourceType("AWS::EC2::SecurityGroup").setResourceId(SG).setConfiguration(config)
                .setApprovedBy("carol").setApprovedAt(T.plusSeconds(minutes * 60)).setReason("CHG-42").setSource("file:sg.json").build();
    }

    static AuditEvent authorize(Instant t) {
        return AuditEvent.newBuilder().setEventId("ct-open-ssh").setEventTime(t).setEventSource("ec2.amazonaws.com").setEventName("AuthorizeSecurityGroupIngress")
                .setPrincipalType("IAMUser").setPrincipalArn("arn:aws:iam::123456789012:user/mallory").setUserName("mallory").setSourceIp("203.0.113.66")
                .setUserAgent("aws-cli/2.15 Linux").setRequestParameters("{\"groupId\":\"" + SG + "\",\"ipPermissions\":{}}")
                .setRaw("{\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::123456789012:user/mallory\"}}")
                .setOrigin(new Origin("t", "r", "cloudtrail", t)).build();
    }

    @Test
    void anApprovedBaselineReplacesTheLearnedOne() {
        try (var d = new ConfigTopologyDriver(state)) {
            d.change(item(SSH_OPEN, 0)); // learned as found (and reported as risky on first sight)
            d.findings();
            d.change(item(SSH_OPEN, 5));
            assertThat(d.findings()).as("matches the learned baseline").isEmpty();
            d.approve(approval(CLOSED, 6));
            d.change(item(SSH_OPEN, 10));
            List<Finding> drift = d.findings();
            assertThat(drift).singleElement().satisfies(f -> {
                assertThat(f.getDetector()).isEqualTo("drift.config");
                assertThat(f.getSeverity().name()).isEqualTo("HIGH");
                assertThat(f.getEvidence().getBaseline().get("baseline_source")).startsWith("approved by carol at ").contains("CHG-42");
            });
            d.change(item(CLOSED, 15));
            assertThat(d.findings()).as("back to the approved configuration").isEmpty();
        }
    }

    @Test
    void withdrawingTheApprovalLearnsTheNextConfiguration() {
        try (var d = new ConfigTopologyDriver(state)) {
            d.approve(approval(CLOSED, 0));
            d.withdraw("AWS::EC2::SecurityGroup/" + SG);
            d.change(item(CLOSED, 5));
            d.change(item(CLOSED, 10));
            assertThat(d.findings()).isEmpty();
        }
    }

    @Test
    void theDriftNamesTheCallThatCausedIt() {
        try (var d = new ConfigTopologyDriver(state)) {
            d.change(item(CLOSED, 0));
            d.call(authorize(T.plusSeconds(8 * 60)));
            d.change(item(SSH_OPEN, 10));
            assertThat(d.findings()).singleElement().satisfies(ConfigDetectionsTopologyTest::attributedToMallory);
        }
    }

    @Test
    void aCallArrivingAfterTheDriftResendsTheFindingWithItsCaller() {
        try (var d = new ConfigTopologyDriver(state)) {
            d.change(item(CLOSED, 0));
            d.change(item(SSH_OPEN, 10));
            List<Finding> first = d.findings();
            assertThat(first).singleElement().satisfies(f -> assertThat(f.getEvidence().getObserved()).doesNotContainKey("changed_by"));
            d.call(authorize(T.plusSeconds(8 * 60)));
            assertThat(d.findings()).singleElement().satisfies(f -> {
                assertThat(f.getId()).isEqualTo(first.get(0).getId());
                attributedToMallory(f);
            });
        }
    }

    static void attributedToMallory(Finding f) {
        assertThat(f.getDetector()).isEqualTo("drift.config");
        assertThat(f.getEvidence().getObserved()).containsEntry("changed_by", "arn:aws:iam::123456789012:user/mallory")
                .containsEntry("change_source_ip", "203.0.113.66").containsEntry("change_call", "ec2.amazonaws.com:AuthorizeSecurityGroupIngress")
                .containsEntry("change_event_id", "ct-open-ssh");
        assertThat(f.getSources()).extracting(SourceRef::getTopic).containsExactly("config.changes", "audit.events");
        assertThat(f.getSummary()).contains("mallory").contains("203.0.113.66");
    }
}
