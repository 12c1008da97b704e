package io.vigil.collectors.format.awsconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatDetector;
import io.vigil.collectors.format.json.Json;
import io.vigil.collectors.format.vpcflow.ReaderHarness;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Relationship;
import io.vigil.schemas.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AwsConfigReaderTest {
    private static final List<String> FIXTURES = List.of("configuration-item.json", "change-notification-sns.json", "rule-invocation.json",
            "eventbridge-change.json", "oversized-notification.json", "snapshot-file.json", "history-file.json", "notifications.jsonl");

    private final AwsConfigReader reader = new AwsConfigReader(ReaderHarness.CLOCK);

    static List<String> fixtures() {
        return FIXTURES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void eachRecordGetsTheVerdictWrittenBesideTheFixture(String fixture) {
        ReaderHarness h = ReaderHarness.readFixture(reader, "awsconfig/" + fixture);

        assertThat(h.verdicts()).containsExactlyElementsOf(ReaderHarness.expectedVerdicts("awsconfig/" + fixture));
    }

    @Test
    void theDetectorSendsEveryFixtureHere() {
        for (String fixture : FIXTURES) {
            byte[] content = ReaderHarness.fixtureBytes("awsconfig/" + fixture);
            assertThat(FormatDetector.detect(content, content.length)).as(fixture).isEqualTo(Format.AWSCONFIG);
        }
    }

    @Test
    void mapsAConfigurationItem() throws IOException {
        Collected<?> c = ReaderHarness.readFixture(reader, "awsconfig/configuration-item.json").accepted().get(0);
        ConfigChange item = (ConfigChange) c.value();

        assertThat(c.topic()).isEqualTo(Topics.CONFIG_CHANGES);
        assertThat(c.key()).isEqualTo("AWS::EC2::SecurityGroup/sg-0a1b2c3d4e5f67890");
        assertThat(c.eventTime()).isEqualTo(Instant.parse("2024-05-02T10:15:30.123Z"));
        assertThat(item.getResourceName()).isEqualTo("web");
        assertThat(item.getArn()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a1b2c3d4e5f67890");
        assertThat(item.getAccountId()).isEqualTo("123456789012");
        assertThat(item.getRegion()).isEqualTo("us-east-1");
        assertThat(item.getStatus()).isEqualTo("OK");
        assertThat(item.getStateId()).isEqualTo("1714644930123");
        assertThat(item.getTags()).containsEntry("team", "payments").containsEntry("env", "prod");
        assertThat(item.getRelationships()).containsExactly(new Relationship("Is contained in Vpc", "AWS::EC2::VPC", "vpc-0abc1234", null));
        assertThat(Json.MAPPER.readTree(item.getConfiguration()).at("/ipPermissions/0/fromPort").asInt()).isEqualTo(22);
        assertThat(item.getSupplementaryConfiguration()).isEqualTo("{}");
        assertThat(item.getOversized()).isFalse();
        JsonNode raw = Json.MAPPER.readTree(item.getRaw());
        assertThat(raw.get("resourceId").asText()).isEqualTo("sg-0a1b2c3d4e5f67890");
        assertThat(item.getOrigin().getFormat()).isEqualTo("awsconfig");
    }

    @Test
    void aChangeNotificationKeepsItsDiffAndChangeType() throws IOException {
        ConfigChange item = items("change-notification-sns.json").get(0);

        assertThat(item.getMessageType()).isEqualTo("ConfigurationItemChangeNotification");
        assertThat(item.getChangeType()).isEqualTo("UPDATE");
        assertThat(Json.MAPPER.readTree(item.getDiff()).at("/changedProperties/Configuration.PublicIpAddress/updatedValue").asText())
                .isEqualTo("54.1.2.3");
        assertThat(item.getTags()).containsEntry("Name", "web-1");
        assertThat(item.getRelationships()).hasSize(2);
        assertThat(item.getStateId()).isEqualTo("1714644000000");
    }

    @Test
    void everyEnvelopeGivesTheSameItem() {
        ConfigChange sns = items("change-notification-sns.json").get(0);
        ConfigChange eventBridge = items("eventbridge-change.json").get(0);
        ConfigChange rule = items("rule-invocation.json").get(0);

        assertThat(eventBridge.getRaw()).isEqualTo(sns.getRaw());
        assertThat(eventBridge.getDiff()).isEqualTo(sns.getDiff());
        assertThat(rule.getResourceId()).isEqualTo(sns.getResourceId());
        assertThat(rule.getStatus()).isEqualTo("ResourceDiscovered");
        assertThat(rule.getDiff()).isNull();
    }

    @Test
    void anOversizedNotificationGivesTheSummaryWithoutConfiguration() {
        Collected<?> c = ReaderHarness.readFixture(reader, "awsconfig/oversized-notification.json").accepted().get(0);
        ConfigChange item = (ConfigChange) c.value();

        assertThat(c.key()).isEqualTo("AWS::IAM::Policy/ANPA0123456789EXAMPLE");
        assertThat(item.getOversized()).isTrue();
        assertThat(item.getConfiguration()).isNull();
        assertThat(item.getChangeType()).isEqualTo("UPDATE");
        assertThat(item.getMessageType()).isEqualTo("OversizedConfigurationItemChangeNotification");
        assertThat(item.getCaptureTime()).isEqualTo(Instant.parse("2024-05-02T11:00:00Z"));
    }

    @Test
    void withAnObjectStoreTheOversizedItemIsReadWholeFromWhereConfigWroteIt() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        String full = "{\"configurationItemDiff\":{\"changeType\":\"UPDATE\",\"changedProperties\":{}},\"configurationItem\":{"
                + "\"configurationItemCaptureTime\":\"2024-05-02T11:00:00.000Z\",\"configurationItemStatus\":\"OK\",\"awsAccountId\":\"123456789012\","
                + "\"resourceType\":\"AWS::IAM::Policy\",\"resourceId\":\"ANPA0123456789EXAMPLE\",\"resourceName\":\"big-policy\","
                + "\"ARN\":\"arn:aws:iam::123456789012:policy/big-policy\",\"awsRegion\":\"global\",\"configuration\":{\"policyName\":\"big-policy\"}},"
                + "\"messageType\":\"ConfigurationItemChangeNotification\"}";
        AwsConfigReader withS3 = new AwsConfigReader(ReaderHarness.CLOCK, java.util.Optional.of((bucket, key) -> {
            asked.add(bucket + "|" + key);
            return io.vigil.collectors.source.Samples.gzip(full);
        }));
        ReaderHarness read = ReaderHarness.readFixture(withS3, "awsconfig/oversized-notification.json");
        ConfigChange item = (ConfigChange) read.accepted().get(0).value();

        assertThat(asked).containsExactly("config-bucket|AWSLogs/123456789012/Config/global/2024/5/2/OversizedChangeNotification/AWS::IAM::Policy/ANPA0123456789EXAMPLE.json.gz");
        assertThat(item.getOversized()).isFalse();
        assertThat(item.getConfiguration()).contains("big-policy");
        assertThat(item.getMessageType()).isEqualTo("OversizedConfigurationItemChangeNotification");
        assertThat(ReaderHarness.origin(read.accepted().get(0)).getPosition()).contains("full item: s3://config-bucket/AWSLogs/");
    }

    @Test
    void whenTheOversizedItemCannotBeReadTheSummaryIsStillPublished() {
        AwsConfigReader failing = new AwsConfigReader(ReaderHarness.CLOCK, java.util.Optional.of((bucket, key) -> {
            throw new java.io.IOException("AccessDenied");
        }));
        ReaderHarness read = ReaderHarness.readFixture(failing, "awsconfig/oversized-notification.json");
        assertThat(read.rejected()).isEmpty();
        assertThat(((ConfigChange) read.accepted().get(0).value()).getOversized()).isTrue();
    }

    @Test
    void historyFileItemsComeInOrderWithDeletionAsStatus() {
        List<ConfigChange> items = items("history-file.json");

        assertThat(items).extracting(ConfigChange::getStatus).containsExactly("ResourceDiscovered", "OK", "ResourceDeleted");
        assertThat(items.get(2).getConfiguration()).isNull();
        assertThat(items.get(1).getConfiguration()).contains("\"isLogging\":false");
        assertThat(items).extracting(ConfigChange::getMessageType).containsOnlyNulls();
    }

    @Test
    void aDeliveryNotificationNamesTheDeliveredObject() {
        Collected<?> c = ReaderHarness.readFixture(reader, "awsconfig/notifications.jsonl").accepted().get(1);
        ConfigChange delivery = (ConfigChange) c.value();

        assertThat(delivery.getResourceType()).isEqualTo("AWS::S3::Object");
        assertThat(delivery.getResourceId()).startsWith("s3://config-bucket-123456789012/AWSLogs/123456789012/Config/us-east-1/");
        assertThat(delivery.getAccountId()).isEqualTo("123456789012");
        assertThat(delivery.getRegion()).isEqualTo("us-east-1");
        assertThat(delivery.getMessageType()).isEqualTo("ConfigurationHistoryDeliveryCompleted");
        assertThat(delivery.getConfiguration()).isNull();
        assertThat(c.eventTime()).isEqualTo(Instant.parse("2024-05-02T01:05:00Z"));
    }

    @Test
    void aBadItemIsRejectedWithTheFieldNamedAndItsJsonKept() {
        ReaderHarness h = ReaderHarness.readFixture(reader, "awsconfig/snapshot-file.json");

        assertThat(h.rejected().get(0).detail()).contains("resourceId");
        assertThat(new String(h.rejected().get(0).payload(), StandardCharsets.UTF_8)).contains("logs-bucket");
    }

    private List<ConfigChange> items(String fixture) {
        return ReaderHarness.readFixture(reader, "awsconfig/" + fixture).values(ConfigChange.class);
    }
}
