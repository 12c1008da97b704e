package io.vigil.responders.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The inline policies containment attaches, and reading back the revocation time of an attached one. */
final class IamPolicies {
    static final String DENY_ALL = "vigil-deny-all";
    static final String REVOKE_OLDER_SESSIONS = "vigil-revoke-older-sessions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamPolicies() {}

    static String denyAll() {
        return document(statement("VigilDenyAll")).toString();
    }

    /** Denies everything to sessions issued before {@code cutoff}; sessions issued later keep working. */
    static String revokeSessionsIssuedBefore(Instant cutoff) {
        ObjectNode s = statement("VigilRevokeOlderSessions");
        s.putObject("Condition").putObject("DateLessThan").put("aws:TokenIssueTime", cutoff.truncatedTo(ChronoUnit.SECONDS).toString());
        return document(s).toString();
    }

    /** The cutoff of a revocation policy as IAM returns it (URL-encoded JSON), if it has one. */
    static Optional<Instant> revocationCutoff(String policyDocument) {
        try {
            JsonNode doc = JSON.readTree(URLDecoder.decode(policyDocument, StandardCharsets.UTF_8));
            for (JsonNode s : doc.path("Statement")) {
                String t = s.path("Condition").path("DateLessThan").path("aws:TokenIssueTime").asText("");
                if (!t.isEmpty()) {
                    return Optional.of(Instant.parse(t));
                }
            }
            return Optional.empty();
        } catch (java.io.IOException | DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode statement(String sid) {
        ObjectNode s = JSON.createObjectNode();
        s.put("Sid", sid).put("Effect", "Deny").put("Action", "*").put("Resource", "*");
        return s;
    }

    private static ObjectNode document(ObjectNode statement) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("Version", "2012-10-17");
        doc.putArray("Statement").add(statement);
        return doc;
    }
}
