package io.vigil.streams.detect.config.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Origin;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceRef;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which calls name which resources (fixtures beside this test), and how a drift finding meets its call in either order. */
class DriftAttributorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    private static final DriftAttributor.Window W = new DriftAttributor.Window(900_000, 120_000);

    static Stream<JsonNode> fixtures() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(DriftAttributorTest.class.getResourceAsStream("change-calls.fixtures.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out.stream();
    }

    static AuditEvent event(String id, String name, String request, String response, String error, Instant t) {
        return AuditEvent.newBuilder().setEventId(id).setEventTime(t).setEventSource("ec2.amazonaws.com").setEventName(name).setErrorCode(error)
                .setPrincipalType("IAMUser").setPrincipalArn("arn:aws:iam::123456789012:user/mallory").setUserName("mallory")
                .setSourceIp("203.0.113.66").setUserAgent("aws-cli/2.15 Linux").setRequestParameters(request).setResponseElements(response)
                .setRaw("{\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::123456789012:user/mallory\"}}")
                .setOrigin(new Origin("t", "r", "cloudtrail", t)).build();
    }

    static Finding drift(String resource, Instant t) {
        return Finding.newBuilder().setId("f-" + resource).setKind(FindingKind.drift).setDetector("drift.config").setSeverity(Severity.HIGH)
                .setEntity(resource).setEntityType("resource").setEventTime(t).setDetectedAt(t).setSummary("AWS::EC2::SecurityGroup " + resource + " drifted")
                .setEvidence(new Evidence(Map.of("changed_settings", "1"), Map.of(), "risky")).setSources(List.of(new SourceRef("config.changes", 0, 7L, "s-1")))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void callsNameTheirResources(JsonNode f) {
        AuditEvent e = event("e-1", f.get("event_name").asText(), text(f, "request_parameters"), text(f, "response_elements"), text(f, "error_code"), T);
        Set<String> expected = new TreeSet<>();
        f.get("expect").forEach(x -> expected.add(x.asText()));
        Set<String> named = ChangeCall.of(e, "audit.events", 0, 1).map(ChangeCall::resources).orElse(Set.of());
        if (expected.isEmpty()) {
            assertThat(named).isEmpty();
        } else {
            assertThat(named).containsAll(expected);
        }
    }

    private static String text(JsonNode f, String field) {
        return f.hasNonNull(field) ? f.get(field).asText() : null;
    }

    private static ChangeCall open(Instant t) {
        return ChangeCall.of(event("e-open", "AuthorizeSecurityGroupIngress", "{\"groupId\":\"sg-0a1b2c3d4e5f60718\"}", null, null, t), "audit.events", 2, 40).orElseThrow();
    }

    @Test
    void callFirstThenDriftGivesOneAttributedFinding() {
        DriftAttributor.Outcome a = DriftAttributor.onCall(null, open(T.minusSeconds(180)), W);
        assertThat(a.findings()).isEmpty();
        DriftAttributor.Outcome b = DriftAttributor.onFinding(a.state(), drift("sg-0a1b2c3d4e5f60718", T), W);
        assertThat(b.findings()).singleElement().satisfies(f -> {
            assertThat(f.getId()).isEqualTo("f-sg-0a1b2c3d4e5f60718");
            assertThat(f.getEvidence().getObserved()).containsEntry("changed_by", "arn:aws:iam::123456789012:user/mallory")
                    .containsEntry("change_source_ip", "203.0.113.66").containsEntry("change_user_agent", "aws-cli/2.15 Linux")
                    .containsEntry("change_call", "ec2.amazonaws.com:AuthorizeSecurityGroupIngress").containsEntry("change_event_id", "e-open");
            assertThat(f.getSources()).extracting(SourceRef::getRecordId).containsExactly("s-1", "e-open");
            assertThat(f.getSummary()).contains("changed by arn:aws:iam::123456789012:user/mallory from 203.0.113.66");
        });
        assertThat(b.state().pending()).isEmpty();
    }

    @Test
    void driftFirstGoesOutThenAgainWithItsCallerWhenTheCallArrives() {
        DriftAttributor.Outcome a = DriftAttributor.onFinding(null, drift("sg-0a1b2c3d4e5f60718", T), W);
        assertThat(a.findings()).singleElement().satisfies(f -> assertThat(f.getEvidence().getObserved()).doesNotContainKey("changed_by"));
        DriftAttributor.Outcome b = DriftAttributor.onCall(a.state(), open(T.minusSeconds(60)), W);
        assertThat(b.findings()).singleElement().satisfies(f -> {
            assertThat(f.getId()).isEqualTo("f-sg-0a1b2c3d4e5f60718");
            assertThat(f.getEvidence().getObserved()).containsEntry("change_event_id", "e-open");
        });
        assertThat(b.state().pending()).isEmpty();
        assertThat(DriftAttributor.onCall(b.state(), open(T.minusSeconds(60)), W).findings()).as("the same call again").isEmpty();
    }

    @Test
    void aCallOutsideTheWindowIsNotTheCause() {
        DriftAttributor.Outcome a = DriftAttributor.onCall(null, open(T.minusSeconds(3600)), W);
        DriftAttributor.Outcome b = DriftAttributor.onFinding(a.state(), drift("sg-0a1b2c3d4e5f60718", T), W);
        assertThat(b.findings()).singleElement().satisfies(f -> assertThat(f.getEvidence().getObserved()).doesNotContainKey("changed_by"));
        DriftAttributor.Outcome late = DriftAttributor.onCall(b.state(), open(T.plusSeconds(600)).withId("e-late"), W);
        assertThat(late.findings()).as("ten minutes after the capture").isEmpty();
    }

    @Test
    void theLatestCallBeforeTheCaptureWins() {
        DriftAttributor.Outcome a = DriftAttributor.onCall(null, open(T.minusSeconds(600)).withId("e-early"), W);
        a = DriftAttributor.onCall(a.state(), open(T.minusSeconds(120)).withId("e-recent"), W);
        a = DriftAttributor.onCall(a.state(), open(T.plusSeconds(30)).withId("e-after"), W);
        assertThat(DriftAttributor.onFinding(a.state(), drift("sg-0a1b2c3d4e5f60718", T), W).findings().get(0).getEvidence().getObserved())
                .containsEntry("change_event_id", "e-recent");
    }
}
