package io.vigil.collectors.source.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an SQS message body says: S3 objects created (an S3 event notification, direct, through SNS or
 * through EventBridge), an S3 test event (nothing to read), or a message that is itself the input (a
 * Config notification through SNS, a CloudTrail event through EventBridge).
 */
record Notification(List<CreatedObject> objects, boolean test) {
    private static final ObjectMapper JSON = new ObjectMapper();

    record CreatedObject(String bucket, String key, long size, String version) {}

    /** The message is its own input. */
    boolean isInput() {
        return objects.isEmpty() && !test;
    }

    static Notification parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return new Notification(List.of(), false); // not JSON: read as an input (and dead-lettered as such if unreadable)
        }
        if (root == null || !root.isObject()) {
            return new Notification(List.of(), false);
        }
        if ("Notification".equals(root.path("Type").asText()) && root.path("Message").isTextual()) {
            Notification inner = parse(root.path("Message").asText());
            if (!inner.isInput()) {
                return inner; // an S3 notification through SNS; anything else is read with its SNS envelope
            }
            return new Notification(List.of(), false);
        }
        if ("s3:TestEvent".equals(root.path("Event").asText())) {
            return new Notification(List.of(), true);
        }
        if ("aws.s3".equals(root.path("source").asText()) && root.has("detail")) {
            if (!"Object Created".equals(root.path("detail-type").asText())) {
                return new Notification(List.of(), true);
            }
            JsonNode d = root.path("detail");
            return new Notification(List.of(new CreatedObject(d.path("bucket").path("name").asText(), d.path("object").path("key").asText(),
                    d.path("object").path("size").asLong(-1), version(d.path("object").path("etag"), d.path("object").path("sequencer")))), false);
        }
        JsonNode records = root.path("Records");
        if (records.isArray() && !records.isEmpty() && "aws:s3".equals(records.get(0).path("eventSource").asText())) {
            List<CreatedObject> out = new ArrayList<>();
            for (JsonNode r : records) {
                if (!r.path("eventName").asText().startsWith("ObjectCreated")) {
                    continue;
                }
                JsonNode s3 = r.path("s3");
                // Keys in S3 event notifications are URL-encoded (form encoding: a space is '+').
                String key = URLDecoder.decode(s3.path("object").path("key").asText(), StandardCharsets.UTF_8);
                out.add(new CreatedObject(s3.path("bucket").path("name").asText(), key, s3.path("object").path("size").asLong(-1),
                        version(s3.path("object").path("eTag"), s3.path("object").path("sequencer"))));
            }
            return new Notification(out, out.isEmpty());
        }
        return new Notification(List.of(), false);
    }

    private static String version(JsonNode etag, JsonNode sequencer) {
        return etag.isTextual() ? etag.asText() : sequencer.asText("");
    }
}
