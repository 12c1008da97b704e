package io.vigil.collectors.format.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.collectors.format.vpcflow.ReaderHarness;
import io.vigil.schemas.AuditEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Elastic's CloudTrail ingest-pipeline test suite (../shared, ELv2 test data, not in this repository)
 * used as a peer's tests: for every input line with an expected document, the fields both parsers
 * extract must agree. Deliberate differences, each asserted as such:
 * <ul>
 *   <li>the CloudTrail digest file is not an event: Elastic indexes it, Vigil publishes nothing for it
 *       (it carries no principal, call or source; integrity checking of digests is not a detection input);</li>
 *   <li>the principal: Elastic's {@code user_identity.arn} of a role session is the session
 *       ({@code assumed-role/Role/session}); Vigil's {@code principal_arn} is the role (the session
 *       issuer), so that a role's behaviour accumulates in one baseline; the session stays in {@code raw};</li>
 *   <li>an event without {@code eventID} (2014 samples) gets an id derived from its content;</li>
 *   <li>{@code user.name}: Elastic uses the role name (the session issuer's {@code userName}) for assumed
 *       roles; Vigil keeps {@code user_name} for the IAM user or root identity named in the record and
 *       identifies role sessions by {@code session_issuer_arn}, so only users are compared by name;</li>
 *   <li>{@code event.outcome} has no field of its own in Vigil: a failure is an {@code error_code} or
 *       {@code error_message}, or a console login whose response says {@code Failure}, as Elastic derives it.</li>
 * </ul>
 */
class ElasticCloudTrailPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SUITE = ReaderHarness.sharedData("elastic-aws-cloudtrail-pipeline-tests");

    static Stream<String> inputs() throws IOException {
        if (!Files.isDirectory(SUITE)) {
            return Stream.of("(absent)");
        }
        try (Stream<Path> files = Files.list(SUITE)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void fieldsAgreeWithElasticsPipeline(String name) throws IOException {
        assumeTrue(Files.isDirectory(SUITE), "../shared/data/public/elastic-aws-cloudtrail-pipeline-tests is absent");
        List<String> lines = Files.readAllLines(SUITE.resolve(name), StandardCharsets.UTF_8);
        JsonNode expected = JSON.readTree(SUITE.resolve(name + "-expected.json").toFile()).get("expected");
        assertThat(expected.size()).as("one expected document per input line").isEqualTo(lines.size());

        List<AuditEvent> ours = ReaderHarness.read(new CloudTrailReader(ReaderHarness.CLOCK), String.join("\n", lines) + "\n").values(AuditEvent.class);
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && expected.get(i).path("event").has("action")) {
                events.add(expected.get(i)); // a blank line gives Elastic a near-empty document and Vigil nothing
            }
        }
        if (name.contains("digest")) {
            assertThat(ours).as("a digest is not an event").isEmpty();
            return;
        }
        assertThat(ours).hasSameSizeAs(events);
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < events.size(); i++) {
            compare(soft, name + " event " + (i + 1), events.get(i), ours.get(i));
        }
        soft.assertAll();
    }

    private static void compare(SoftAssertions soft, String where, JsonNode e, AuditEvent a) {
        JsonNode ct = e.path("aws").path("cloudtrail");
        JsonNode identity = ct.path("user_identity");
        soft.assertThat(a.getEventTime()).as(where + " time").isEqualTo(Instant.parse(e.path("@timestamp").asText()));
        soft.assertThat(a.getEventName()).as(where + " event.action").isEqualTo(e.path("event").path("action").asText());
        soft.assertThat(a.getEventSource()).as(where + " event.provider").isEqualTo(text(e.path("event").path("provider")));
        if (e.path("event").has("id")) {
            soft.assertThat(a.getEventId()).as(where + " event.id").isEqualTo(text(e.path("event").path("id")));
        } else {
            soft.assertThat(a.getEventId()).as(where + " event.id derived for a record without one").startsWith(CloudTrailNormaliser.DERIVED_ID);
        }
        soft.assertThat(a.getAwsRegion()).as(where + " cloud.region").isEqualTo(text(e.path("cloud").path("region")));
        String account = a.getPrincipalAccount() != null ? a.getPrincipalAccount() : a.getRecipientAccount();
        soft.assertThat(account).as(where + " cloud.account.id").isEqualTo(text(e.path("cloud").path("account").path("id")));
        soft.assertThat(a.getSourceIp()).as(where + " source.address").isEqualTo(text(e.path("source").path("address")));
        soft.assertThat(a.getUserAgent()).as(where + " user_agent.original").isEqualTo(text(e.path("user_agent").path("original")));
        soft.assertThat(a.getPrincipalId()).as(where + " user.id").isEqualTo(text(e.path("user").path("id")));
        soft.assertThat(a.getPrincipalType()).as(where + " user_identity.type").isEqualTo(text(identity.path("type")));
        JsonNode issuerArn = identity.path("session_context").path("session_issuer").path("arn");
        soft.assertThat(a.getPrincipalArn()).as(where + " user_identity.arn (a role session: its role)")
                .isEqualTo(text("AssumedRole".equals(a.getPrincipalType()) && !issuerArn.isMissingNode() ? issuerArn : identity.path("arn")));
        soft.assertThat(a.getAccessKeyId()).as(where + " user_identity.access_key_id").isEqualTo(text(identity.path("access_key_id")));
        soft.assertThat(a.getInvokedBy()).as(where + " user_identity.invoked_by").isEqualTo(text(identity.path("invoked_by")));
        JsonNode issuer = identity.path("session_context").path("session_issuer");
        soft.assertThat(a.getSessionIssuerArn()).as(where + " session_issuer.arn").isEqualTo(text(issuer.path("arn")));
        soft.assertThat(a.getSessionIssuerType()).as(where + " session_issuer.type").isEqualTo(text(issuer.path("type")));
        if ("IAMUser".equals(a.getPrincipalType())) {
            soft.assertThat(a.getUserName()).as(where + " user.name").isEqualTo(text(e.path("user").path("name")));
        }
        soft.assertThat(a.getErrorCode()).as(where + " error code").isEqualTo(text(ct.path("error_code")));
        soft.assertThat(a.getErrorMessage()).as(where + " error message").isEqualTo(text(ct.path("error_message")));
        boolean failed = a.getErrorCode() != null || a.getErrorMessage() != null
                || a.getResponseElements() != null && a.getResponseElements().contains("\"ConsoleLogin\":\"Failure\"");
        soft.assertThat(failed ? "failure" : "success").as(where + " event.outcome").isEqualTo(e.path("event").path("outcome").asText());
        soft.assertThat(a.getReadOnly()).as(where + " read_only").isEqualTo(ct.has("read_only") ? ct.get("read_only").asBoolean() : null);
        soft.assertThat(a.getRecipientAccount()).as(where + " recipient_account_id").isEqualTo(text(ct.path("recipient_account_id")));
        JsonNode flatRequest = ct.path("flattened").path("request_parameters");
        if (flatRequest.isObject() && a.getRequestParameters() != null) {
            JsonNode ourRequest = read(a.getRequestParameters());
            flatRequest.properties().forEach(f -> soft.assertThat(ourRequest.has(f.getKey()))
                    .as(where + " request parameter " + f.getKey()).isTrue());
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
