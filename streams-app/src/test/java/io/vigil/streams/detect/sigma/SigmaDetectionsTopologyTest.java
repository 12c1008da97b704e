package io.vigil.streams.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.AvroTrust;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SigmaDetections#addTo} under TopologyTestDriver: rules from the topic applied live, shipped correlations in event time. */
class SigmaDetectionsTopologyTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final String RULE = """
            title: Bucket deleted <b>now</b>
            id: test-bucket-deleted
            logsource: {product: aws, service: cloudtrail}
            detection:
                selection:
                    eventSource: s3.amazonaws.com
                    eventName: DeleteBucket
                condition: selection
            level: %s
            tags: [attack.impact, attack.t1485]
            """;

    private final WireFormat wire = new SingleObjectWireFormat();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path state;
    private TopologyTestDriver driver;
    private TestInputTopic<String, AuditEvent> events;
    private TestInputTopic<String, String> rules;
    private TestOutputTopic<String, Finding> findings;
    private int seq;

    @BeforeEach
    void start() {
        AvroTrust.ensure();
        StreamsBuilder builder = new StreamsBuilder();
        SigmaDetections.addTo(builder, DetectionContext.live(wire, clock));
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "sigma-test"), state));
        driver = new TopologyTestDriver(builder.build(), props);
        events = driver.createInputTopic(Topics.AUDIT_EVENTS.name(), Topics.AUDIT_EVENTS.keySerde().serializer(), Topics.AUDIT_EVENTS.valueSerde(wire).serializer());
        rules = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(), new StringSerializer());
        findings = driver.createOutputTopic(Topics.FINDINGS.name(), new StringDeserializer(), Topics.FINDINGS.valueSerde(wire).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aRuleOnTheTopicIsAddedChangedAndRemovedWithoutRestart() {
        send(T, "s3.amazonaws.com", "DeleteBucket", null);
        assertThat(findings.isEmpty()).as("no rule yet").isTrue();

        rules.pipeInput("test-bucket-deleted", RULE.formatted("medium"));
        send(T.plusSeconds(1), "s3.amazonaws.com", "DeleteBucket", null);
        Finding added = findings.readValue();
        assertThat(added.getDetector()).isEqualTo("sigma.rule");
        assertThat(added.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(added.getAttack()).containsExactly("T1485");
        assertThat(added.getSummary()).startsWith("Sigma rule \"Bucket deleted <b>now</b>\" (test-bucket-deleted) matched s3.amazonaws.com:DeleteBucket");
        assertThat(added.getEvidence().getObserved()).containsEntry("matched_selections", "selection");
        assertThat(added.getEvidence().getBaseline()).containsEntry("rule_source", "rules:test-bucket-deleted");
        assertThat(added.getEntity()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(added.getSources()).singleElement().satisfies(s -> assertThat(s.getTopic()).isEqualTo("audit.events"));

        rules.pipeInput("test-bucket-deleted", RULE.formatted("critical"));
        send(T.plusSeconds(2), "s3.amazonaws.com", "DeleteBucket", null);
        assertThat(findings.readValue().getSeverity()).as("changed rule applies to the next event").isEqualTo(Severity.CRITICAL);

        rules.pipeInput("test-bucket-deleted", (String) null);
        send(T.plusSeconds(3), "s3.amazonaws.com", "DeleteBucket", null);
        assertThat(findings.isEmpty()).as("removed by tombstone").isTrue();
    }

    @Test
    void aBrokenRuleOnTheTopicLeavesTheOthersRunning() {
        rules.pipeInput("broken", "title: x\nid: broken\nlogsource: {product: aws, service: cloudtrail}\ndetection: {sel: {a: b}, condition: sel | count() > 5}\n");
        rules.pipeInput("test-bucket-deleted", RULE.formatted("low"));
        send(T, "s3.amazonaws.com", "DeleteBucket", null);
        assertThat(findings.readValuesToList()).extracting(Finding::getSeverity).containsExactly(Severity.LOW);
    }

    @Test
    void passwordSprayingIsOneCorrelationFindingAndTheFailuresAloneAreNone() {
        for (int i = 0; i < 5; i++) {
            send(T.plus(Duration.ofMinutes(5L * i)), "signin.amazonaws.com", "ConsoleLogin",
                    "{\"errorMessage\":\"Failed authentication\",\"sourceIPAddress\":\"203.0.113.9\",\"userIdentity\":{\"userName\":\"user" + i + "\"},"
                            + "\"responseElements\":{\"ConsoleLogin\":\"Failure\"}}");
        }
        List<Finding> out = findings.readValuesToList();
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.getDetector()).isEqualTo("sigma.correlation");
            assertThat(f.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(f.getAttack()).containsExactly("T1110.003");
            assertThat(f.getEntity()).isEqualTo("203.0.113.9");
            assertThat(f.getEvidence().getObserved()).containsEntry("count", "5").containsEntry("group.sourceIPAddress", "203.0.113.9");
            assertThat(f.getSources()).hasSize(5);
            assertThat(f.getEventTime()).isEqualTo(T.plus(Duration.ofMinutes(20)));
        });
    }

    @Test
    void sprayingSlowerThanTheTimespanIsNotReported() {
        for (int i = 0; i < 5; i++) {
            send(T.plus(Duration.ofMinutes(10L * i)), "signin.amazonaws.com", "ConsoleLogin",
                    "{\"errorMessage\":\"Failed authentication\",\"sourceIPAddress\":\"203.0.113.9\",\"userIdentity\":{\"userName\":\"user" + i + "\"}}");
        }
        assertThat(findings.isEmpty()).isTrue();
    }

    @Test
    void temporalOrderedNeedsTheOrder() {
        String suspend = "{\"requestParameters\":{\"bucketName\":\"b1\",\"VersioningConfiguration\":{\"Status\":\"Suspended\"}}}";
        String delete = "{\"requestParameters\":{\"bucketName\":\"b1\"}}";
        send(T, "s3.amazonaws.com", "DeleteObjects", delete);
        send(T.plusSeconds(60), "s3.amazonaws.com", "PutBucketVersioning", suspend);
        assertThat(findings.isEmpty()).as("deletion before suspension is not the pattern").isTrue();
        send(T.plusSeconds(120), "s3.amazonaws.com", "DeleteObjects", delete);
        assertThat(findings.readValuesToList()).singleElement().satisfies(f -> {
            assertThat(f.getDetector()).isEqualTo("sigma.correlation");
            assertThat(f.getAttack()).containsExactly("T1490", "T1485");
            assertThat(f.getEvidence().getObserved()).containsEntry("group.requestParameters.bucketName", "b1");
        });
    }

    @Test
    void temporalAcceptsEitherOrder() {
        send(T, "guardduty.amazonaws.com", "DeleteDetector", null);
        send(T.plusSeconds(600), "cloudtrail.amazonaws.com", "StopLogging", null);
        assertThat(findings.readValuesToList()).singleElement().satisfies(f -> assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL));
    }

    private void send(Instant time, String source, String name, String extra) {
        AuditEvent e = CloudTrail.event(CloudTrail.record("e-" + seq++, time, source, name, extra));
        events.pipeInput(e.getPrincipalArn(), e, time);
    }
}
