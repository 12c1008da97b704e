package io.vigil.collectors.format.awsconfig;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Origin;
import io.vigil.schemas.Relationship;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure mapping from AWS Config JSON to {@link ConfigChange}: a configuration item (current schema and
 * the 2014-era one: {@code arn}, {@code accountId}, {@code configurationStateID}), the summary of an
 * oversized item, and a delivery notification pointing at the S3 object AWS Config wrote. Throws
 * {@link IllegalArgumentException} naming the field when what makes a record is missing.
 */
final class ConfigItemNormaliser {
    /** The resource type of delivery records: the S3 object (history or snapshot file) Config delivered. */
    static final String DELIVERED_OBJECT = "AWS::S3::Object";

    private ConfigItemNormaliser() {}

    static ConfigChange item(JsonNode ci, String messageType, JsonNode diff, Origin origin) {
        return resource(ci)
                .setCaptureTime(time(ci, "configurationItemCaptureTime"))
                .setChangeType(diff == null ? null : text(diff, "changeType"))
                .setMessageType(messageType)
                .setConfiguration(jsonText(ci.get("configuration")))
                .setSupplementaryConfiguration(jsonText(ci.get("supplementaryConfiguration")))
                .setDiff(diff == null || diff.isNull() ? null : diff.toString())
                .setTags(tags(ci.get("tags")))
                .setRelationships(relationships(ci.get("relationships")))
                .setRaw(ci.toString())
                .setOrigin(origin)
                .build();
    }

    /** Oversized items arrive as a summary only; the full item would need the Config API. */
    static ConfigChange oversized(JsonNode summary, String messageType, Origin origin) {
        return resource(summary)
                .setCaptureTime(time(summary, "configurationItemCaptureTime"))
                .setChangeType(text(summary, "changeType"))
                .setMessageType(messageType)
                .setOversized(true)
                .setRaw(summary.toString())
                .setOrigin(origin)
                .build();
    }

    /**
     * A history or snapshot delivery notification: the record names the delivered object
     * ({@code s3://bucket/key}) so whoever fetches it knows where to look; the account and region
     * come from the key AWS Config writes ({@code AWSLogs/<account>/Config/<region>/...}).
     */
    static ConfigChange delivery(JsonNode message, Origin origin) {
        String bucket = required(message, "s3Bucket");
        String key = required(message, "s3ObjectKey");
        String[] path = key.split("/");
        boolean standardKey = path.length > 3 && path[0].equals("AWSLogs") && path[2].equals("Config");
        return ConfigChange.newBuilder()
                .setResourceType(DELIVERED_OBJECT)
                .setResourceId("s3://" + bucket + "/" + key)
                .setArn("arn:aws:s3:::" + bucket + "/" + key)
                .setAccountId(standardKey ? path[1] : null)
                .setRegion(standardKey ? path[3] : null)
                .setCaptureTime(time(message, "notificationCreationTime"))
                .setMessageType(text(message, "messageType"))
                .setRaw(message.toString())
                .setOrigin(origin)
                .build();
    }

    private static ConfigChange.Builder resource(JsonNode n) {
        return ConfigChange.newBuilder()
                .setResourceType(required(n, "resourceType"))
                .setResourceId(required(n, "resourceId"))
                .setResourceName(text(n, "resourceName"))
                .setArn(firstText(n, "ARN", "arn"))
                .setAccountId(firstText(n, "awsAccountId", "accountId"))
                .setRegion(text(n, "awsRegion"))
                .setAvailabilityZone(text(n, "availabilityZone"))
                .setStatus(text(n, "configurationItemStatus"))
                .setStateId(firstText(n, "configurationStateId", "configurationStateID"));
    }

    /** Tags as a map ({@code {"k":"v"}}) or as the API's list ({@code [{"key":..,"value":..}]}). */
    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) {
            return out;
        }
        if (tags.isObject()) {
            for (Map.Entry<String, JsonNode> e : tags.properties()) {
                if (!e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            }
        } else if (tags.isArray()) {
            for (JsonNode t : tags) {
                String key = firstText(t, "key", "Key");
                String value = firstText(t, "value", "Value");
                if (key != null) {
                    out.put(key, value == null ? "" : value);
                }
            }
        }
        return out;
    }

    private static List<Relationship> relationships(JsonNode relationships) {
        List<Relationship> out = new ArrayList<>();
        if (relationships == null || !relationships.isArray()) {
            return out;
        }
        for (JsonNode r : relationships) {
            String name = firstText(r, "name", "relationshipName");
            out.add(new Relationship(name == null ? "" : name, text(r, "resourceType"), text(r, "resourceId"), text(r, "resourceName")));
        }
        return out;
    }

    /** Configuration as JSON text: Config gives an object, the API's base items a JSON string already. */
    private static String jsonText(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** ISO-8601 (with Z or an offset), or epoch seconds / milliseconds as some API exports write them. */
    private static Instant time(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v != null && v.isNumber()) {
            double d = v.asDouble();
            return d > 1e11 ? Instant.ofEpochMilli((long) d) : Instant.ofEpochMilli((long) (d * 1000));
        }
        String s = required(n, field);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("field '" + field + "' is '" + abbreviate(s) + "', expected an ISO-8601 time");
            }
        }
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static String firstText(JsonNode n, String field, String alternative) {
        String v = text(n, field);
        return v != null ? v : text(n, alternative);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
