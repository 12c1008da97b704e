package io.vigil.streams.detect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Origin;
import io.vigil.schemas.Severity;
import io.vigil.streams.finding.Detection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDriftDetectorTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    private static final String CLOSED = "{\"groupId\":\"sg-1\",\"ipPermissions\":[{\"ipProtocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,\"ipRanges\":[\"10.0.0.0/8\"]}]}";
    private static final String SSH_OPEN = "{\"groupId\":\"sg-1\",\"ipPermissions\":[{\"ipProtocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,\"ipRanges\":[\"10.0.0.0/8\"]},"
            + "{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"ipv4Ranges\":[{\"cidrIp\":\"0.0.0.0/0\"}],\"ipRanges\":[\"0.0.0.0/0\"]}]}";

    private static ConfigChange item(String type, String config, String status, long minutes) {
        return ConfigChange.newBuilder().setResourceType(type).setResourceId("sg-1").setAccountId("123456789012")
                .setCaptureTime(T.plusSeconds(minutes * 60)).setStatus(status).setConfiguration(config).setStateId(String.valueOf(minutes))
                .setRaw("{}").setOrigin(new Origin("t", "r", "awsconfig", T)).build();
    }

    private ConfigBaseline baseline;

    private List<Detection> feed(ConfigChange c) {
        List<Detection> d = ConfigDriftDetector.score(baseline, c);
        baseline = ConfigDriftDetector.update(baseline, c, d);
        return d;
    }

    @Test
    void firstSightLearnsThenAnOpenedPortIsHighDriftNamingOldAndNewValues() {
        assertThat(feed(item("AWS::EC2::SecurityGroup", CLOSED, "ResourceDiscovered", 0))).isEmpty();
        assertThat(feed(item("AWS::EC2::SecurityGroup", CLOSED, "OK", 5))).as("no change, no drift").isEmpty();
        List<Detection> drift = feed(item("AWS::EC2::SecurityGroup", SSH_OPEN, "OK", 10));
        assertThat(drift).singleElement().satisfies(d -> {
            assertThat(d.detector()).isEqualTo("drift.config");
            assertThat(d.kind()).isEqualTo(FindingKind.drift);
            assertThat(d.severity()).isEqualTo(Severity.HIGH);
            assertThat(d.observed()).containsEntry("ipPermissions[1].fromPort", "22").containsKey("risk.sg_admin_port_open_to_world");
            assertThat(d.baseline()).containsEntry("ipPermissions[1].fromPort", "(absent)").containsKey("baseline_captured");
            assertThat(d.attack()).contains("T1562.007");
        });
        assertThat(feed(item("AWS::EC2::SecurityGroup", SSH_OPEN, "OK", 15))).as("the same drift is reported once").isEmpty();
    }

    @Test
    void alreadyRiskyOnFirstSightIsARiskySetting() {
        assertThat(feed(item("AWS::EC2::SecurityGroup", SSH_OPEN, "ResourceDiscovered", 0))).singleElement().satisfies(d -> {
            assertThat(d.detector()).isEqualTo("config.risky_setting");
            assertThat(d.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void deletionOfASecurityResourceIsMediumDrift() {
        feed(item("AWS::EC2::SecurityGroup", CLOSED, "OK", 0));
        assertThat(feed(item("AWS::EC2::SecurityGroup", null, "ResourceDeleted", 3))).singleElement().satisfies(d -> {
            assertThat(d.detector()).isEqualTo("drift.deleted_resource");
            assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void aResourceCreatedNowIsNewAndAsRiskyAsItWasBorn() {
        ConfigChange created = item("AWS::EC2::SecurityGroup", CLOSED, "ResourceDiscovered", 0);
        created.setRaw("{\"resourceCreationTime\":\"" + T.minusSeconds(90) + "\",\"configurationItemStatus\":\"ResourceDiscovered\"}");
        assertThat(feed(created)).singleElement().satisfies(d -> {
            assertThat(d.detector()).isEqualTo("drift.new_resource");
            assertThat(d.severity()).isEqualTo(Severity.LOW);
            assertThat(d.observed()).containsEntry("resource_creation_time", T.minusSeconds(90).toString());
        });
        baseline = null;
        ConfigChange bornOpen = item("AWS::EC2::SecurityGroup", SSH_OPEN, "ResourceDiscovered", 0);
        bornOpen.setChangeType("CREATE");
        assertThat(feed(bornOpen)).as("one finding: the new resource carries its risks").singleElement().satisfies(d -> {
            assertThat(d.detector()).isEqualTo("drift.new_resource");
            assertThat(d.severity()).isEqualTo(Severity.HIGH);
            assertThat(d.observed()).containsKey("risk.sg_admin_port_open_to_world");
        });
    }

    @Test
    void aResourceCreatedLongAgoAndFoundByTheRecorderIsNotNew() {
        ConfigChange discovered = item("AWS::EC2::SecurityGroup", CLOSED, "ResourceDiscovered", 0);
        discovered.setRaw("{\"resourceCreationTime\":" + T.minusSeconds(86_400 * 30).getEpochSecond() + ".5}");
        assertThat(feed(discovered)).isEmpty();
    }

    @Test
    void timestampsAwsChangesByItselfAreNotDrift() {
        feed(item("AWS::EC2::Instance", "{\"instanceType\":\"t3.micro\",\"launchTime\":\"2024-01-01\"}", "OK", 0));
        assertThat(feed(item("AWS::EC2::Instance", "{\"instanceType\":\"t3.micro\",\"launchTime\":\"2024-02-01\"}", "OK", 1))).isEmpty();
        assertThat(feed(item("AWS::EC2::Instance", "{\"instanceType\":\"p3.16xlarge\",\"launchTime\":\"2024-02-01\"}", "OK", 2)))
                .singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void baselineSurvivesItsStoreSerde() {
        feed(item("AWS::EC2::SecurityGroup", CLOSED, "OK", 0));
        feed(item("AWS::EC2::SecurityGroup", SSH_OPEN, "OK", 1));
        var serde = ConfigBaselineSerde.serde();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", baseline))).isEqualTo(baseline);
    }
}
