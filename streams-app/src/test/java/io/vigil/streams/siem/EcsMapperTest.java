package io.vigil.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcsMapperTest {

    @Test
    void isAnAlertWithTimesIdAndRule() {
        Finding f = TestFindings.portScan();
        JsonNode d = EcsMapper.toNode(f);
        assertThat(Instant.parse(d.get("@timestamp").asText())).isEqualTo(TestFindings.EVENT_TIME);
        assertThat(d.at("/ecs/version").asText()).isEqualTo(EcsMapper.ECS_VERSION);
        assertThat(d.at("/event/kind").asText()).isEqualTo("alert");
        assertThat(d.at("/event/id").asText()).isEqualTo(f.getId());
        assertThat(Instant.parse(d.at("/event/created").asText())).isEqualTo(TestFindings.DETECTED_AT);
        assertThat(d.at("/event/severity").isInt()).isTrue();
        assertThat(d.at("/event/severity").asInt()).isEqualTo(4);
        assertThat(d.at("/rule/id").asText()).isEqualTo("flow.port_scan");
        assertThat(d.at("/rule/name").asText()).isEqualTo("flow.port_scan");
        assertThat(d.get("message").asText()).isEqualTo(f.getSummary());
        assertThat(d.at("/event/reason").asText()).isEqualTo(f.getEvidence().getReason());
    }

    @Test
    void categoryAndTypeAreArraysOfAllowedValues() {
        assertThat(EcsMapper.toNode(TestFindings.portScan()).at("/event/category").toString()).isEqualTo("[\"network\"]");
        assertThat(EcsMapper.toNode(TestFindings.portScan()).at("/event/type").toString()).isEqualTo("[\"connection\"]");
        assertThat(EcsMapper.toNode(TestFindings.sensitiveCall()).at("/event/category").toString()).isEqualTo("[\"iam\"]");
        assertThat(EcsMapper.toNode(TestFindings.drift()).at("/event/category").toString()).isEqualTo("[\"configuration\"]");
        assertThat(EcsMapper.toNode(TestFindings.drift()).at("/event/type").toString()).isEqualTo("[\"change\"]");
    }

    @Test
    void threatListsTechniquesAndSubTechniquesApart() {
        JsonNode threat = EcsMapper.toNode(TestFindings.sensitiveCall()).get("threat");
        assertThat(threat.get("framework").asText()).isEqualTo("MITRE ATT&CK");
        assertThat(threat.at("/technique/id").toString()).isEqualTo("[\"T1562\"]");
        assertThat(threat.at("/technique/subtechnique/id").toString()).isEqualTo("[\"T1562.008\"]");
        Finding none = TestFindings.base("x.y", FindingKind.anomaly, Severity.LOW, "h", "host").build();
        assertThat(EcsMapper.toNode(none).has("threat")).isFalse();
    }

    @Test
    void principalIsTheUserAndItsCallerTheSource() {
        JsonNode d = EcsMapper.toNode(TestFindings.sensitiveCall());
        assertThat(d.at("/user/id").asText()).isEqualTo("arn:aws:iam::123456789012:user/mallory");
        assertThat(d.at("/user/name").asText()).isEqualTo("mallory");
        assertThat(d.at("/source/ip").asText()).isEqualTo("2001:db8::7");
        assertThat(d.at("/related/user").toString()).isEqualTo("[\"mallory\"]");
        assertThat(d.at("/related/ip").toString()).isEqualTo("[\"2001:db8::7\"]");
        assertThat(d.at("/cloud/account/id").asText()).isEqualTo("123456789012");
        assertThat(d.at("/cloud/region").asText()).isEqualTo("eu-west-1");
        assertThat(d.has("host")).isFalse();
    }

    @Test
    void instanceIsTheHostAndFlowEndsAreSourceAndDestination() {
        JsonNode d = EcsMapper.toNode(TestFindings.portScan());
        assertThat(d.at("/host/id").asText()).isEqualTo("i-0abc123");
        assertThat(d.at("/cloud/instance/id").asText()).isEqualTo("i-0abc123");
        assertThat(d.at("/source/ip").asText()).isEqualTo("10.0.1.5");
        assertThat(d.at("/destination/ip").asText()).isEqualTo("10.0.2.9");
        assertThat(d.at("/related/ip").toString()).isEqualTo("[\"10.0.1.5\",\"10.0.2.9\"]");
        assertThat(d.has("user")).isFalse();
    }

    @Test
    void ipFieldsOnlyEverHoldIpLiterals() {
        Finding f = TestFindings.base("flow.volume", FindingKind.anomaly, Severity.LOW, "10.0.0.1\nforged", "ip")
                .setEvidence(new Evidence(Map.of("local_address", "10.0.0.1 x", "peer", "evil.example", "direction", "outbound",
                        "source_ip", "::g"), Map.of(), ""))
                .build();
        JsonNode d = EcsMapper.toNode(f);
        assertThat(d.has("host")).isFalse();
        assertThat(d.has("source")).isFalse();
        assertThat(d.has("related")).isFalse();
    }

    @Test
    void vigilEvidenceIsNameValuePairsSoArbitraryKeysCannotCollide() {
        JsonNode v = EcsMapper.toNode(TestFindings.drift()).get("vigil");
        assertThat(v.at("/evidence/observed/0/name").asText()).isEqualTo("ipPermissions[0].ipRanges[0]");
        assertThat(v.at("/evidence/observed/0/value").asText()).isEqualTo("0.0.0.0/0");
        assertThat(v.at("/evidence/baseline/0/value").asText()).isEqualTo("10.0.0.0/8");
        assertThat(v.at("/sources/0/topic").asText()).isEqualTo("flows.raw");
        assertThat(v.get("entity").asText()).isEqualTo("sg-0123");
        assertThat(v.get("kind").asText()).isEqualTo("drift");
        assertThat(EcsMapper.toNode(TestFindings.drift()).get("tags").toString()).isEqualTo("[\"playbook:configuration-drift\"]");
    }
}
