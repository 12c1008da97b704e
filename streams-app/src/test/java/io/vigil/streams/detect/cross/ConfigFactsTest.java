package io.vigil.streams.detect.cross;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Origin;
import io.vigil.schemas.Relationship;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading security group rules and group membership from AWS Config items as Config writes them. */
class ConfigFactsTest {
    private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");

    private static ConfigChange item(String type, String id, String conf, List<Relationship> relationships) {
        return ConfigChange.newBuilder().setResourceType(type).setResourceId(id).setCaptureTime(T).setStatus("OK").setConfiguration(conf)
                .setRelationships(relationships).setRaw("{}").setOrigin(new Origin("t", "r", "awsconfig", T)).build();
    }

    @Test
    void ingressRulesOpenToTheWorldInEveryShapeEgressAndNarrowRulesNot() {
        String conf = "{\"groupId\":\"sg-1\",\"ipPermissions\":["
                + "{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"ipv4Ranges\":[{\"cidrIp\":\"0.0.0.0/0\"}],\"ipRanges\":[\"0.0.0.0/0\"]},"
                + "{\"ipProtocol\":\"tcp\",\"fromPort\":8000,\"toPort\":8100,\"ipv6Ranges\":[{\"cidrIpv6\":\"::/0\"}],\"ipRanges\":[]},"
                + "{\"ipProtocol\":\"-1\",\"fromPort\":null,\"toPort\":null,\"ipRanges\":[\"0.0.0.0/0\"]},"
                + "{\"ipProtocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,\"ipRanges\":[\"10.0.0.0/8\"]}],"
                + "\"ipPermissionsEgress\":[{\"ipProtocol\":\"-1\",\"ipRanges\":[\"0.0.0.0/0\"]}]}";
        List<PortRange> open = ConfigFacts.openToWorld(item(ConfigFacts.SECURITY_GROUP, "sg-1", conf, List.of()));
        assertThat(open).containsExactly(new PortRange(6, 22, 22), new PortRange(6, 8000, 8100), new PortRange(-1, -1, -1));
        assertThat(open.get(1).covers(6, 8080)).isTrue();
        assertThat(open.get(1).covers(17, 8080)).isFalse();
        assertThat(open.get(2).text()).isEqualTo("all/all");
        assertThat(ConfigFacts.openToWorld(item(ConfigFacts.SECURITY_GROUP, "sg-1", "not json", List.of()))).isEmpty();
    }

    @Test
    void instancesAndInterfacesNameTheirGroups() {
        String instance = "{\"instanceId\":\"i-1\",\"securityGroups\":[{\"groupId\":\"sg-a\"}],\"networkInterfaces\":["
                + "{\"networkInterfaceId\":\"eni-1\",\"groups\":[{\"groupId\":\"sg-a\"},{\"groupId\":\"sg-b\"}]},{\"networkInterfaceId\":\"eni-2\"}]}";
        assertThat(ConfigFacts.members(item(ConfigFacts.INSTANCE, "i-1", instance, List.of()))).containsExactly(
                new ConfigFacts.Member("sg-a", "eni-1", "i-1"), new ConfigFacts.Member("sg-b", "eni-1", "i-1"), new ConfigFacts.Member("sg-a", "eni-2", "i-1"));
        String eni = "{\"networkInterfaceId\":\"eni-3\",\"groups\":[{\"groupId\":\"sg-a\"}],\"attachment\":{\"instanceId\":\"i-3\"}}";
        assertThat(ConfigFacts.members(item(ConfigFacts.INTERFACE, "eni-3", eni,
                List.of(new Relationship("Is associated with SecurityGroup", ConfigFacts.SECURITY_GROUP, "sg-c", null)))))
                .containsExactly(new ConfigFacts.Member("sg-a", "eni-3", "i-3"), new ConfigFacts.Member("sg-c", "eni-3", "i-3"));
        assertThat(ConfigFacts.members(item("AWS::S3::Bucket", "b", "{}", List.of()))).isEmpty();
    }
}
