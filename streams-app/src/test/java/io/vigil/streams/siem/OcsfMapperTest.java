package io.vigil.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OcsfMapperTest {

    @Test
    void anomalyIsADetectionFindingCreate() {
        Finding f = TestFindings.portScan();
        JsonNode e = OcsfMapper.toNode(f);
        assertThat(e.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.get("category_uid").asInt()).isEqualTo(2);
        assertThat(e.get("activity_id").asInt()).isEqualTo(1);
        assertThat(e.get("type_uid").asInt()).isEqualTo(200401);
        assertThat(e.get("severity_id").asInt()).isEqualTo(4);
        assertThat(e.get("severity").asText()).isEqualTo("High");
        assertThat(e.get("time").asLong()).isEqualTo(TestFindings.EVENT_TIME.toEpochMilli());
        assertThat(e.get("is_alert").asBoolean()).isTrue();
        assertThat(e.at("/metadata/version").asText()).isEqualTo(OcsfMapper.SCHEMA_VERSION);
        assertThat(e.at("/metadata/product/name").asText()).isEqualTo("Vigil");
        assertThat(e.at("/metadata/product/vendor_name").asText()).isEqualTo("Vigil");
        assertThat(e.at("/metadata/uid").asText()).isEqualTo(f.getId());
    }

    @Test
    void findingInfoCarriesIdDetectorTimesAndTechniques() {
        Finding f = TestFindings.portScan();
        JsonNode info = OcsfMapper.toNode(f).get("finding_info");
        assertThat(info.get("uid").asText()).isEqualTo(f.getId());
        assertThat(info.get("desc").asText()).isEqualTo(f.getSummary());
        assertThat(info.get("title").asText()).isEqualTo("flow.port_scan on i-0abc123");
        assertThat(info.at("/types/0").asText()).isEqualTo("flow.port_scan");
        assertThat(info.at("/analytic/name").asText()).isEqualTo("flow.port_scan");
        assertThat(info.at("/analytic/type_id").asInt()).isEqualTo(2);
        assertThat(info.get("created_time").asLong()).isEqualTo(TestFindings.DETECTED_AT.toEpochMilli());
        assertThat(info.at("/attacks/0/technique/uid").asText()).isEqualTo("T1046");
        assertThat(info.at("/attacks/0/sub_technique").isMissingNode()).isTrue();
        assertThat(info.at("/data_sources/0").asText()).isEqualTo("flows.raw");
    }

    @Test
    void subTechniquesAreSplitAndMalformedIdsDropped() {
        JsonNode attacks = OcsfMapper.toNode(TestFindings.sensitiveCall()).at("/finding_info/attacks");
        assertThat(attacks).hasSize(1);
        assertThat(attacks.at("/0/technique/uid").asText()).isEqualTo("T1562");
        assertThat(attacks.at("/0/sub_technique/uid").asText()).isEqualTo("T1562.008");
    }

    @Test
    void baselineAndObservationsGoToAnomalyAnalyses() {
        JsonNode analysis = OcsfMapper.toNode(TestFindings.portScan()).at("/anomaly_analyses/0");
        assertThat(analysis.at("/analysis_targets/0/name").asText()).isEqualTo("i-0abc123");
        assertThat(analysis.at("/analysis_targets/0/type").asText()).isEqualTo("instance");
        assertThat(analysis.get("anomalies")).hasSize(4);
        assertThat(analysis.at("/anomalies/3/observation_parameter").asText()).isEqualTo("distinct_ports");
        assertThat(analysis.at("/anomalies/3/observations/0/value").asText()).isEqualTo("40");
        assertThat(analysis.at("/baselines/1/observation_parameter").asText()).isEqualTo("threshold_distinct_ports");
        assertThat(analysis.at("/baselines/1/observations/0/value").asText()).isEqualTo("20");
    }

    @Test
    void networkEntityBecomesEndpointsResourceAndObservables() {
        JsonNode e = OcsfMapper.toNode(TestFindings.portScan());
        assertThat(e.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("10.0.1.5");
        assertThat(e.at("/evidences/0/src_endpoint/instance_uid").asText()).isEqualTo("i-0abc123");
        assertThat(e.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("10.0.2.9");
        assertThat(e.at("/resources/0/uid").asText()).isEqualTo("i-0abc123");
        assertThat(e.at("/resources/0/type").asText()).isEqualTo("AWS::EC2::Instance");
        assertThat(e.get("observables").findValuesAsText("type_id")).containsExactly("10", "2", "2");
        assertThat(e.get("observables").findValuesAsText("value")).containsExactly("i-0abc123", "10.0.1.5", "10.0.2.9");
    }

    @Test
    void principalIsTheActingUserWithItsCallerAddress() {
        JsonNode e = OcsfMapper.toNode(TestFindings.sensitiveCall());
        assertThat(e.at("/evidences/0/actor/user/uid").asText()).isEqualTo("arn:aws:iam::123456789012:user/mallory");
        assertThat(e.at("/evidences/0/actor/user/name").asText()).isEqualTo("mallory");
        assertThat(e.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("2001:db8::7");
        assertThat(e.at("/observables/0/type_id").asInt()).isEqualTo(4);
        assertThat(e.at("/observables/0/value").asText()).isEqualTo("mallory");
        assertThat(e.has("resources")).isFalse();
        assertThat(e.at("/cloud/provider").asText()).isEqualTo("AWS");
        assertThat(e.at("/cloud/region").asText()).isEqualTo("eu-west-1");
        assertThat(e.at("/metadata/profiles/0").asText()).isEqualTo("cloud");
    }

    @Test
    void driftIsAFailedComplianceCheckWithItsChangedSettings() {
        Finding f = TestFindings.drift();
        JsonNode e = OcsfMapper.toNode(f);
        assertThat(e.get("class_uid").asInt()).isEqualTo(2003);
        assertThat(e.get("type_uid").asInt()).isEqualTo(200301);
        assertThat(e.has("anomaly_analyses")).isFalse();
        assertThat(e.at("/compliance/status_id").asInt()).isEqualTo(3);
        assertThat(e.at("/compliance/control").asText()).isEqualTo("drift.config");
        assertThat(e.at("/finding_info/analytic/type").asText()).isEqualTo("Rule");
        JsonNode resource = e.at("/resources/0");
        assertThat(resource.get("uid").asText()).isEqualTo("sg-0123");
        assertThat(resource.get("type").asText()).isEqualTo("AWS::EC2::SecurityGroup");
        JsonNode changes = resource.at("/data/changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.at("/0/setting").asText()).isEqualTo("ipPermissions[0].ipRanges[0]");
        assertThat(changes.at("/0/observed").asText()).isEqualTo("0.0.0.0/0");
        assertThat(changes.at("/0/baseline").asText()).isEqualTo("10.0.0.0/8");
        assertThat(resource.at("/data/baseline/baseline_captured").asText()).isEqualTo("2024-08-01T00:00:00Z");
    }

    @Test
    void sourcesAndEntityTypeStayInUnmapped() {
        JsonNode u = OcsfMapper.toNode(TestFindings.sensitiveCall()).get("unmapped");
        assertThat(u.at("/sources/0/topic").asText()).isEqualTo("audit.events");
        assertThat(u.at("/sources/0/offset").asLong()).isEqualTo(42L);
        assertThat(u.at("/sources/0/record_id").asText()).isEqualTo("e-1");
        assertThat(u.get("entity_type").asText()).isEqualTo("principal");
        assertThat(u.get("attack")).hasSize(3).as("the raw list, malformed id included");
    }

    @ParameterizedTest
    @CsvSource({"INFO,1,Informational", "LOW,2,Low", "MEDIUM,3,Medium", "HIGH,4,High", "CRITICAL,5,Critical"})
    void severitiesFollowTheOcsfEnum(Severity severity, int id, String caption) {
        Finding f = TestFindings.base("x.y", FindingKind.anomaly, severity, "10.0.0.1", "ip").build();
        JsonNode e = OcsfMapper.toNode(f);
        assertThat(e.get("severity_id").asInt()).isEqualTo(id);
        assertThat(e.get("severity").asText()).isEqualTo(caption);
    }

    @Test
    void sameFindingGivesTheSameEvent() {
        assertThat(OcsfMapper.toJson(TestFindings.portScan())).isEqualTo(OcsfMapper.toJson(TestFindings.portScan()));
    }
}
