package io.vigil.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OCSF mirror against the schema subsets in {@code src/test/resources/ocsf}, written from the
 * published OCSF 1.5.0 schema, and proof that the validator rejects what the spec rejects.
 */
class OcsfSchemaValidationTest {
    private static final String DETECTION = "detection_finding.schema.json";
    private static final String COMPLIANCE = "compliance_finding.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchemaSubset schemas = new JsonSchemaSubset("ocsf");

    static Stream<Finding> findings() {
        return Stream.of(TestFindings.portScan(), TestFindings.sensitiveCall(), TestFindings.drift(), TestFindings.hostile(),
                TestFindings.base("inventory.new_package", FindingKind.anomaly, Severity.INFO, "web-1", "host").build(),
                TestFindings.base("flow.volume", FindingKind.anomaly, Severity.LOW, "198.51.100.4", "ip").setAccount(null).build(),
                TestFindings.base("x.unknown", FindingKind.anomaly, Severity.LOW, "thing", "gadget").build(),
                TestFindings.base("config.risky_setting", FindingKind.drift, Severity.HIGH, "my-bucket", "resource").build());
    }

    @ParameterizedTest
    @MethodSource("findings")
    void everyFindingValidatesAgainstItsClass(Finding f) {
        ObjectNode event = OcsfMapper.toNode(f);
        String schema = f.getKind() == FindingKind.drift ? COMPLIANCE : DETECTION;
        assertThat(schemas.validate(event, schema)).isEmpty();
        assertThat(event.get("type_uid").asInt()).isEqualTo(event.get("class_uid").asInt() * 100 + event.get("activity_id").asInt());
        assertThat(event.has("cloud")).isEqualTo(event.at("/metadata/profiles").toString().contains("cloud"));
    }

    /** Every detector the topology has, with the kind, entity and evidence it really emits, maps onto a valid OCSF event. */
    static Stream<String> detectors() {
        return io.vigil.streams.app.FindingMetrics.KNOWN_DETECTORS.stream();
    }

    @ParameterizedTest
    @MethodSource("detectors")
    void everyDetectorsFindingsValidate(String detector) {
        boolean drift = detector.startsWith("config.") || detector.startsWith("drift.");
        String entityType = detector.startsWith("flow.") ? "instance" : detector.startsWith("drift.") ? "host" : drift ? "resource" : "principal";
        Finding f = TestFindings.base(detector, drift ? FindingKind.drift : FindingKind.anomaly, Severity.HIGH, "entity-1", entityType)
                .setAttack(java.util.List.of("T1046"))
                .setSummary("entity-1 did what " + detector + " looks for")
                .setEvidence(new io.vigil.schemas.Evidence(java.util.Map.of("count", "42", "source_ip", "203.0.113.9"),
                        java.util.Map.of("threshold", "10"), "unlike its baseline"))
                .setTags(java.util.List.of("playbook:suspicious-activity"))
                .build();
        ObjectNode event = OcsfMapper.toNode(f);
        assertThat(schemas.validate(event, drift ? COMPLIANCE : DETECTION)).as(detector).isEmpty();
    }

    @Test
    void anomalyWithEvidenceValidates() {
        ObjectNode event = OcsfMapper.toNode(TestFindings.portScan());
        assertThat(event.at("/anomaly_analyses/0/baselines")).isNotEmpty();
        assertThat(schemas.validate(event, DETECTION)).isEmpty();
    }

    @Test
    void driftWithEvidenceValidates() {
        ObjectNode event = OcsfMapper.toNode(TestFindings.drift());
        assertThat(event.at("/resources/0/data/changes")).isNotEmpty();
        assertThat(schemas.validate(event, COMPLIANCE)).isEmpty();
    }

    @Test
    void anObjectMissingARequiredFieldIsRejected() {
        ObjectNode event = OcsfMapper.toNode(TestFindings.portScan());
        ((ObjectNode) event.get("finding_info")).remove("uid");
        assertThat(schemas.validate(event, DETECTION)).containsExactly("/finding_info: required attribute 'uid' is missing");
    }

    @Test
    void aNestedRequiredFieldIsCheckedToo() {
        ObjectNode event = OcsfMapper.toNode(TestFindings.portScan());
        ((ObjectNode) event.at("/anomaly_analyses/0/anomalies/0/observations/0")).remove("value");
        assertThat(schemas.validate(event, DETECTION))
                .containsExactly("/anomaly_analyses/0/anomalies/0/observations/0: required attribute 'value' is missing");
    }

    @Test
    void aComplianceFindingWithoutComplianceIsRejected() {
        ObjectNode event = OcsfMapper.toNode(TestFindings.drift());
        event.remove("compliance");
        assertThat(schemas.validate(event, COMPLIANCE)).containsExactly("/: required attribute 'compliance' is missing");
    }

    @Test
    void wrongEnumsTypesAndNamesAreRejected() {
        ObjectNode event = OcsfMapper.toNode(TestFindings.portScan());
        event.put("class_uid", 2003);
        event.put("severity_id", 7);
        event.put("time", "2024-08-18T13:01:07Z");
        event.putArray("anomaly_analysis");
        ((ObjectNode) event.at("/evidences/0/src_endpoint")).put("ip", "not-an-ip");
        assertThat(schemas.validate(event, DETECTION)).containsExactlyInAnyOrder(
                "/class_uid: 2003 is not one of [2004]",
                "/severity_id: 7 is not one of [0,1,2,3,4,5,6,99]",
                "/time: expected integer, found STRING",
                "/: attribute 'anomaly_analysis' is not in the schema",
                "/evidences/0/src_endpoint/ip: \"not-an-ip\" is not an IP address");
    }

    @Test
    void anEvidenceWithNoArtifactBreaksTheAtLeastOneConstraint() {
        ObjectNode event = OcsfMapper.toNode(TestFindings.portScan());
        event.putArray("evidences").addObject().put("name", "nothing");
        assertThat(schemas.validate(event, DETECTION)).singleElement().asString().startsWith("/evidences/0: matches none of");
    }

    @Test
    void anEmptyObjectIsNoFinding() {
        ObjectNode empty = JSON.createObjectNode();
        assertThat(List.of(DETECTION, COMPLIANCE)).allSatisfy(s -> assertThat(schemas.validate(empty, s)).hasSizeGreaterThanOrEqualTo(8));
    }

    @Test
    void theValidatorRefusesWhatItCannotCheck() throws Exception {
        ObjectNode empty = JSON.createObjectNode();
        assertThatThrownBy(() -> schemas.validate(empty, JSON.readTree("{\"type\": \"object\", \"pattern\": \"x\"}")))
                .hasMessageContaining("keyword 'pattern' is not supported");
        assertThatThrownBy(() -> schemas.validate(empty, "no-such.schema.json")).hasMessageContaining("no schema");
    }
}
