package io.vigil.collectors.format.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Origin;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure mapping from one CloudTrail event (JSON) to the normalised {@link AuditEvent}: the fields the
 * detections need, with the original kept verbatim. Throws {@link IllegalArgumentException} naming
 * the field when the event lacks what makes it an event (id, time, source, name).
 */
public final class CloudTrailNormaliser {
    /** Prefix of event ids Vigil derived because the record had none. */
    public static final String DERIVED_ID = "derived-";

    private CloudTrailNormaliser() {}

    public static AuditEvent normalise(JsonNode e, String raw, Origin origin) {
        if (e == null || !e.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode identity = e.path("userIdentity");
        JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
        JsonNode attributes = identity.path("sessionContext").path("attributes");
        return AuditEvent.newBuilder()
                .setEventId(eventId(e, raw))
                .setEventTime(time(eventTime(e)))
                .setEventVersion(text(e, "eventVersion"))
                .setEventSource(required(e, "eventSource"))
                .setEventName(required(e, "eventName"))
                .setEventType(text(e, "eventType"))
                .setAwsRegion(text(e, "awsRegion"))
                .setSourceIp(text(e, "sourceIPAddress"))
                .setUserAgent(text(e, "userAgent"))
                .setErrorCode(text(e, "errorCode"))
                .setErrorMessage(text(e, "errorMessage"))
                .setReadOnly(flag(e.path("readOnly")))
                .setPrincipalType(text(identity, "type"))
                .setPrincipalArn(principalArn(identity, issuer))
                .setPrincipalId(text(identity, "principalId"))
                .setPrincipalAccount(text(identity, "accountId"))
                .setUserName(userName(identity, issuer))
                .setAccessKeyId(text(identity, "accessKeyId"))
                .setSessionIssuerArn(text(issuer, "arn"))
                .setSessionIssuerType(text(issuer, "type"))
                .setMfaAuthenticated(flag(attributes.path("mfaAuthenticated")))
                .setInvokedBy(text(identity, "invokedBy"))
                .setRecipientAccount(text(e, "recipientAccountId"))
                .setRequestParameters(json(e, "requestParameters"))
                .setResponseElements(json(e, "responseElements"))
                .setAdditionalEventData(json(e, "additionalEventData"))
                .setResources(resources(e))
                .setRaw(raw)
                .setOrigin(origin)
                .build();
    }

    /**
     * CloudTrail's own event id; records from before it had one (eventVersion 1.0 samples) get one
     * derived from their content, so that a replay names them alike.
     */
    private static String eventId(JsonNode e, String raw) {
        String id = text(e, "eventID");
        if (id != null) {
            return id;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return DERIVED_ID + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The identity to baseline: for assumed-role sessions the role (session issuer) rather than the
     * ever-changing session ARN, so a role's behaviour accumulates in one profile.
     */
    private static String principalArn(JsonNode identity, JsonNode issuer) {
        String type = text(identity, "type");
        if ("AssumedRole".equals(type) && text(issuer, "arn") != null) {
            return text(issuer, "arn");
        }
        if (text(identity, "arn") != null) {
            return text(identity, "arn");
        }
        if ("AWSService".equals(type) && text(identity, "invokedBy") != null) {
            return "service:" + text(identity, "invokedBy");
        }
        if (text(identity, "principalId") != null) {
            return "principal:" + text(identity, "principalId");
        }
        return null;
    }

    private static String userName(JsonNode identity, JsonNode issuer) {
        String name = text(identity, "userName");
        return name != null ? name : text(issuer, "userName");
    }

    /** CloudTrail writes flags as JSON booleans or as "true"/"false" strings; absent stays null. */
    private static Boolean flag(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            return Boolean.valueOf("true".equalsIgnoreCase(v.asText()));
        }
        return null;
    }

    private static List<String> resources(JsonNode e) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : e.path("resources")) {
            String arn = text(r, "ARN");
            if (arn == null) {
                arn = text(r, "arn");
            }
            if (arn != null) {
                out.add(arn);
            }
        }
        return out;
    }

    /** CloudTrail's eventTime; log shippers (Logstash, Beats) sometimes keep only their @timestamp. */
    private static String eventTime(JsonNode e) {
        String t = text(e, "eventTime");
        if (t == null || t.isBlank()) {
            t = text(e, "@timestamp");
        }
        if (t == null || t.isBlank()) {
            throw new IllegalArgumentException("missing field 'eventTime'");
        }
        return t;
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String json(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.toString();
    }

    private static Instant time(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'eventTime' is '" + abbreviate(value) + "', expected ISO-8601 UTC");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
