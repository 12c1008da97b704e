package io.vigil.streams.detect.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.BaselineApproval;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's acceptance on the AWS Config rules' test items in {@code ../shared/data/public} (read in place):
 * each item labelled NON_COMPLIANT, judged against a COMPLIANT item of the same rule approved as the
 * baseline, gives a drift finding; with the call that made the change present, the finding names its caller.
 */
class ConfigRulesAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    record Item(String rule, String test, String label, ConfigChange change) {}

    static List<Item> items() throws Exception {
        String configured = System.getProperty("vigil.shared.dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("../../shared");
        Path file = shared.resolve("data/public/aws-config-rules-test-configuration-items/labelled_configuration_items.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared data absent: " + file);
        List<Item> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            JsonNode event = row.get("invoking_event").isTextual() ? JSON.readTree(row.get("invoking_event").asText()) : row.get("invoking_event");
            JsonNode ci = event.get("configurationItem");
            Instant t = Instant.parse(ci.get("configurationItemCaptureTime").asText());
            ConfigChange c = ConfigChange.newBuilder().setResourceType(ci.get("resourceType").asText()).setResourceId(ci.get("resourceId").asText())
                    .setCaptureTime(t).setStatus(ci.path("configurationItemStatus").asText(null)).setConfiguration(JSON.writeValueAsString(ci.get("configuration")))
                    .setMessageType(event.path("messageType").asText(null)).setRaw(JSON.writeValueAsString(ci))
                    .setOrigin(new Origin(file.toString(), row.get("test_name").asText(), "awsconfig", t)).build();
            out.add(new Item(row.get("config_rule").asText(), row.get("test_name").asText(), row.get("expected_compliance").get(0).asText(), c));
        }
        return out;
    }

    private List<Finding> judge(Item compliant, Item nonCompliant, AuditEvent call, int run) {
        try (var d = new ConfigTopologyDriver(state.resolve("run-" + run))) {
            ConfigChange base = compliant.change();
            d.approve(BaselineApproval.newBuilder().setResourceType(nonCompliant.change().getResourceType()).setResourceId(nonCompliant.change().getResourceId())
                    .setConfiguration(base.getConfiguration()).setApprovedBy("acceptance").setApprovedAt(base.getCaptureTime().minusSeconds(3600))
                    .setSource("compliant test item " + compliant.test()).build());
            if (call != null) {
                d.call(call);
            }
            d.change(nonCompliant.change());
            return d.findings();
        }
    }

    @Test
    void everyNonCompliantItemDriftsFromItsCompliantBaseline() throws Exception {
        List<Item> items = items();
        List<Item> nonCompliant = items.stream().filter(i -> i.label().equals("NON_COMPLIANT")).toList();
        assertThat(nonCompliant).hasSize(7);
        int run = 0;
        List<String> missed = new ArrayList<>();
        for (Item bad : nonCompliant) {
            Item good = items.stream().filter(i -> i.rule().equals(bad.rule()) && i.label().equals("COMPLIANT")).findFirst().orElseThrow();
            List<Finding> found = judge(good, bad, null, run++);
            boolean drift = found.stream().anyMatch(f -> f.getDetector().equals("drift.config") && f.getEntity().equals(bad.change().getResourceId())
                    && f.getEvidence().getBaseline().getOrDefault("baseline_source", "").startsWith("approved by acceptance"));
            if (!drift) {
                missed.add(bad.rule() + "/" + bad.test());
            }
        }
        assertThat(missed).as("NON_COMPLIANT items without a drift finding").isEmpty();
    }

    @Test
    void theDriftNamesTheCallerWhenTheTriggeringCallIsPresent() throws Exception {
        List<Item> items = items();
        Item bad = items.stream().filter(i -> i.rule().equals("CLOUDFRONT_WEBACL_CHECK") && i.label().equals("NON_COMPLIANT")).findFirst().orElseThrow();
        Item good = items.stream().filter(i -> i.rule().equals("CLOUDFRONT_WEBACL_CHECK") && i.label().equals("COMPLIANT")).findFirst().orElseThrow();
        Instant t = bad.change().getCaptureTime().minusSeconds(240);
        String id = bad.change().getResourceId();
        AuditEvent update = AuditEvent.newBuilder().setEventId("ct-update-distribution").setEventTime(t).setEventSource("cloudfront.amazonaws.com")
                .setEventName("UpdateDistribution").setPrincipalType("AssumedRole").setPrincipalArn("arn:aws:iam::012345678910:role/deployer")
                .setSourceIp("198.51.100.23").setUserAgent("aws-sdk-go/1.44 (go1.20; linux; amd64)")
                .setRequestParameters("{\"id\":\"" + id + "\",\"ifMatch\":\"E2QWRUHAPOMQZL\",\"distributionConfig\":{\"webACLId\":\"\"}}")
                .setRaw("{\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::012345678910:assumed-role/deployer/ci-run-7\"}}")
                .setOrigin(new Origin("t", "r", "cloudtrail", t)).build();
        List<Finding> found = judge(good, bad, update, 100);
        assertThat(found).filteredOn(f -> f.getDetector().equals("drift.config")).singleElement().satisfies(f -> {
            assertThat(f.getEvidence().getObserved()).containsAllEntriesOf(Map.of("changed_by", "arn:aws:sts::012345678910:assumed-role/deployer/ci-run-7",
                    "change_source_ip", "198.51.100.23", "change_call", "cloudfront.amazonaws.com:UpdateDistribution", "change_event_id", "ct-update-distribution"));
            assertThat(f.getSummary()).contains("assumed-role/deployer/ci-run-7");
        });
    }
}
