package io.vigil.streams.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Origin;
import java.time.Instant;

/**
 * CloudTrail records for the tests, and the AuditEvent a collector would publish for them (the fields
 * the Sigma view reads from the record, copied as the collector copies them, and the raw JSON).
 */
final class CloudTrail {
    static final ObjectMapper JSON = new ObjectMapper();

    private CloudTrail() {}

    /** A record of {@code source}:{@code name} by an IAM user at {@code time}, with {@code extra} JSON fields merged in. */
    static ObjectNode record(String id, Instant time, String source, String name, String extra) {
        ObjectNode r = JSON.createObjectNode();
        r.put("eventVersion", "1.09").put("eventID", id).put("eventTime", time.toString()).put("eventSource", source).put("eventName", name)
                .put("awsRegion", "eu-west-1").put("sourceIPAddress", "198.51.100.7").put("userAgent", "aws-cli/2.15").put("eventType", "AwsApiCall")
                .put("recipientAccountId", "123456789012");
        r.putObject("userIdentity").put("type", "IAMUser").put("arn", "arn:aws:iam::123456789012:user/alice").put("accountId", "123456789012")
                .put("principalId", "AIDAEXAMPLE").put("userName", "alice");
        try {
            if (extra != null) {
                JSON.readerForUpdating(r).readValue(extra);
            }
        } catch (Exception e) {
            throw new IllegalArgumentException(extra, e);
        }
        return r;
    }

    static AuditEvent event(JsonNode r) {
        JsonNode who = r.path("userIdentity");
        return AuditEvent.newBuilder().setEventId(r.path("eventID").asText()).setEventTime(Instant.parse(r.path("eventTime").asText()))
                .setEventSource(r.path("eventSource").asText()).setEventName(r.path("eventName").asText()).setEventType(text(r, "eventType"))
                .setAwsRegion(text(r, "awsRegion")).setSourceIp(text(r, "sourceIPAddress")).setUserAgent(text(r, "userAgent"))
                .setErrorCode(text(r, "errorCode")).setErrorMessage(text(r, "errorMessage")).setRecipientAccount(text(r, "recipientAccountId"))
                .setPrincipalType(text(who, "type")).setPrincipalArn(text(who, "arn")).setPrincipalId(text(who, "principalId"))
                .setPrincipalAccount(text(who, "accountId")).setUserName(text(who, "userName"))
                .setRequestParameters(json(r, "requestParameters")).setResponseElements(json(r, "responseElements"))
                .setAdditionalEventData(json(r, "additionalEventData")).setRaw(r.toString()).setOrigin(new Origin("test", "record", "cloudtrail", Instant.parse(r.path("eventTime").asText()))).build();
    }

    private static String json(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.toString();
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }
}
