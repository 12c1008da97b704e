package io.vigil.collectors.format.awsconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.json.Json;
import io.vigil.collectors.format.vpcflow.ReaderHarness;
import io.vigil.schemas.ConfigChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AWS Config examples written by others (shared third-party data, read in place): the notification
 * examples of the Config developer guide and Powertools' rule events, and the configuration items
 * of awslabs' rule tests. Every file is detected as AWS Config and read with no reject; files that
 * carry an item publish it. Skipped when the shared data is absent.
 */
class AwsConfigSharedExamplesTest {
    private static final Path NOTIFICATIONS = ReaderHarness.sharedData("aws-config-notification-examples");
    private static final Path RULE_TESTS = ReaderHarness.sharedData("aws-config-rules-test-configuration-items/labelled_configuration_items.jsonl");

    @ParameterizedTest
    @CsvSource({
            // file, records published: notifications without an item publish nothing
            "example-sns-notification_1.json, 1",
            "example-sns-notification_2.json, 1",
            "example-sns-notification_3.json, 1",
            "example-configuration-history-notification_1.json, 1",
            "example-configuration-snapshot-notification_1.json, 1",
            "example-configuration-snapshot-notification-started_1.json, 0",
            "example-config-rule-compliance-notification_1.json, 0",
            "evaluate-config_develop-rules_example-events_1.json, 1",
            "evaluate-config_develop-rules_example-events_2.json, 1",
            "evaluate-config_develop-rules_example-events_3.json, 0",
            "powertools_awsConfigRuleConfigurationChanged.json, 1",
            "powertools_awsConfigRuleOversizedConfiguration.json, 1",
            "powertools_awsConfigRuleScheduled.json, 0"})
    void everyNotificationExampleReadsWithoutReject(String file, int published) throws IOException {
        assumeTrue(Files.isDirectory(NOTIFICATIONS), "shared data absent");

        ReaderHarness h = ReaderHarness.collect(NOTIFICATIONS.resolve(file));

        assertThat(h.format()).isEqualTo(Format.AWSCONFIG);
        assertThat(h.rejected()).isEmpty();
        assertThat(h.accepted()).hasSize(published);
    }

    @Test
    void everyExampleFileOfTheFolderIsCovered() throws IOException {
        assumeTrue(Files.isDirectory(NOTIFICATIONS), "shared data absent");
        try (var files = Files.list(NOTIFICATIONS)) {
            assertThat(files.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(13);
        }
    }

    @Test
    void theOldSchemaItemOfTheSnsExampleIsRead() throws IOException {
        assumeTrue(Files.isDirectory(NOTIFICATIONS), "shared data absent");

        ConfigChange item = ReaderHarness.collect(NOTIFICATIONS.resolve("example-sns-notification_1.json")).values(ConfigChange.class).get(0);

        assertThat(item.getResourceType()).isEqualTo("AWS::EC2::VOLUME");
        assertThat(item.getResourceId()).isEqualTo("vol-ce676ccc");
        assertThat(item.getArn()).isEqualTo("arn:aws:us-west-2b:123456789012:volume/vol-ce676ccc");
        assertThat(item.getAccountId()).isEqualTo("123456789012");
        assertThat(item.getStateId()).isEqualTo("3e660fdf-4e34-4f32-afeb-0ace5bf3d63a");
        assertThat(item.getChangeType()).isEqualTo("UPDATE");
        assertThat(item.getRelationships()).hasSize(1);
    }

    @Test
    void theHistoryDeliveryNotificationPublishesTheDeliveredFile() throws IOException {
        assumeTrue(Files.isDirectory(NOTIFICATIONS), "shared data absent");

        ConfigChange delivery = ReaderHarness.collect(NOTIFICATIONS.resolve("example-configuration-history-notification_1.json"))
                .values(ConfigChange.class).get(0);

        assertThat(delivery.getResourceId()).isEqualTo("s3://config-bucket-123456789012-ohio/AWSLogs/123456789012/Config/us-east-2/2016/9/27/"
                + "ConfigHistory/123456789012_Config_us-east-2_ConfigHistory_AWS::CloudTrail::Trail_20160927T195818Z_20160927T195818Z_1.json.gz");
        assertThat(delivery.getMessageType()).isEqualTo("ConfigurationHistoryDeliveryCompleted");
        assertThat(delivery.getRegion()).isEqualTo("us-east-2");
    }

    @Test
    void theRuleTestItemsReadWithoutRejectAsTheirResourceTypes() throws IOException {
        assumeTrue(Files.isRegularFile(RULE_TESTS), "shared data absent");
        List<String> lines = Files.readAllLines(RULE_TESTS).stream().filter(l -> !l.isBlank()).toList();

        ReaderHarness h = ReaderHarness.collect(RULE_TESTS);

        assertThat(h.format()).isEqualTo(Format.AWSCONFIG);
        assertThat(h.rejected()).isEmpty();
        List<ConfigChange> items = h.values(ConfigChange.class);
        assertThat(items).hasSize(lines.size()).hasSize(12);
        for (int i = 0; i < items.size(); i++) {
            JsonNode test = Json.MAPPER.readTree(lines.get(i));
            assertThat(items.get(i).getResourceType()).isEqualTo(test.get("resource_type").asText());
            assertThat(items.get(i).getResourceId()).isEqualTo(test.at("/invoking_event/configurationItem/resourceId").asText());
        }
    }
}
