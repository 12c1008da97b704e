package io.vigil.streams.detect.config.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.AuditEvent;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A CloudTrail call that may have changed a resource's configuration: a successful, non-read-only call,
 * with the resource ids it names in its request parameters, response elements and resources.
 *
 * @param who        the caller: the session or user ARN as CloudTrail wrote it, else the principal
 * @param resources  the resource ids named (EC2-style ids, bucket, function and trail names, the last part of ARNs); bounded
 */
public record ChangeCall(String eventId, long eventTime, String eventSource, String eventName, String who, String principalArn,
                         String accessKeyId, String sourceIp, String userAgent, String topic, int partition, long offset, Set<String> resources) {
    static final int MAX_RESOURCES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READ = Pattern.compile("^(Describe|List|Get|Head|Lookup|BatchGet|Search|Select|Scan|Query|Check|Validate|Estimate|Preview|Test|Simulate)");
    private static final Pattern ID = Pattern.compile("^(i|sg|sgr|vol|snap|ami|eni|vpc|subnet|igw|eigw|rtb|acl|nat|eipalloc|eipassoc|vpce|pcx|tgw|tgw-attach|lt|fs|dopt|vgw|cgw|vpn|elb)-[0-9a-f]{8,17}$");
    private static final Set<String> NAME_FIELDS = Set.of("bucketName", "functionName", "trailName", "dBInstanceIdentifier", "dBClusterIdentifier",
            "tableName", "detectorId", "configurationRecorderName", "logGroupName", "keyId", "distributionId", "topicArn", "queueUrl", "name", "id");

    /** The change call in an event, if it is one (successful and not a read). */
    public static Optional<ChangeCall> of(AuditEvent e, String topic, int partition, long offset) {
        if (e.getErrorCode() != null || Boolean.TRUE.equals(e.getReadOnly()) || READ.matcher(e.getEventName()).find()
                || e.getEventName().startsWith("ConsoleLogin") || e.getEventName().equals("AssumeRole")) {
            return Optional.empty();
        }
        TreeSet<String> ids = new TreeSet<>();
        collect(e.getRequestParameters(), ids);
        collect(e.getResponseElements(), ids);
        for (String arn : e.getResources()) {
            addArn(arn, ids);
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChangeCall(e.getEventId(), e.getEventTime().toEpochMilli(), e.getEventSource(), e.getEventName(), who(e),
                e.getPrincipalArn(), e.getAccessKeyId(), e.getSourceIp(), e.getUserAgent(), topic, partition, offset, ids));
    }

    private static String who(AuditEvent e) {
        try {
            JsonNode arn = JSON.readTree(e.getRaw()).path("userIdentity").path("arn");
            if (arn.isTextual()) {
                return arn.asText();
            }
        } catch (IOException ignored) {
            // the normalised principal below
        }
        return e.getPrincipalArn() != null ? e.getPrincipalArn() : String.valueOf(e.getUserName());
    }

    private static void collect(String json, Set<String> out) {
        if (json == null || json.isBlank()) {
            return;
        }
        try {
            walk(JSON.readTree(json), null, out, 0);
        } catch (IOException ignored) {
            // not JSON: nothing named
        }
    }

    private static void walk(JsonNode n, String field, Set<String> out, int depth) {
        if (out.size() >= MAX_RESOURCES || depth > 8) {
            return;
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> f : n.properties()) {
                walk(f.getValue(), f.getKey(), out, depth + 1);
            }
        } else if (n.isArray()) {
            for (JsonNode item : n) {
                walk(item, field, out, depth + 1);
            }
        } else if (n.isTextual()) {
            String v = n.asText().trim();
            if (ID.matcher(v).matches()) {
                out.add(v);
            } else if (v.startsWith("arn:")) {
                addArn(v, out);
            } else if (field != null && NAME_FIELDS.contains(field) && !v.isEmpty() && v.length() <= 256) {
                out.add(v);
            }
        }
    }

    /** An ARN names its resource by its last part: {@code arn:aws:s3:::bucket} → bucket, {@code …:instance/i-1} → i-1. */
    private static void addArn(String arn, Set<String> out) {
        if (out.size() >= MAX_RESOURCES) {
            return;
        }
        out.add(arn);
        int cut = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
        if (cut >= 0 && cut < arn.length() - 1) {
            out.add(arn.substring(cut + 1));
        }
    }

    /** The same call under another event id (tests and replays of copies). */
    ChangeCall withId(String id) {
        return new ChangeCall(id, eventTime, eventSource, eventName, who, principalArn, accessKeyId, sourceIp, userAgent, topic, partition, offset, resources);
    }
}
