package io.vigil.collectors.format.awsconfig;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.format.json.Json;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Origin;
import io.vigil.schemas.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.vigil.collectors.format.ObjectFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;

/**
 * Decides what one AWS Config JSON message carries and publishes it: configuration items (one, an
 * array, or a file's {@code configurationItems}), an oversized item's summary, a delivery
 * notification's S3 object. Envelopes are opened wherever they wrap a message: SNS
 * ({@code Message}, text or object), EventBridge ({@code detail}), Config rule invocations
 * ({@code invokingEvent}, JSON text), SQS ({@code Body}), and any other single wrapper field.
 * Notifications without an item (snapshot delivery started, compliance change, scheduled rule run)
 * are valid and publish nothing.
 */
final class ConfigMessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigMessageHandler.class);
    private static final int MAX_ENVELOPES = 4;
    private static final List<String> ENVELOPE_FIELDS = List.of("Message", "detail", "invokingEvent", "Body");
    private static final Set<String> ITEM_MESSAGES = Set.of("ConfigurationItemChangeNotification", "OversizedConfigurationItemChangeNotification");
    private static final Set<String> DELIVERIES = Set.of("ConfigurationHistoryDeliveryCompleted", "ConfigurationSnapshotDeliveryCompleted");

    private final String source;
    private final Instant collectedAt;
    private final RecordSink sink;
    private final Optional<ObjectFetcher> objects;

    ConfigMessageHandler(String source, Instant collectedAt, RecordSink sink, Optional<ObjectFetcher> objects) {
        this.source = source;
        this.collectedAt = collectedAt;
        this.sink = sink;
        this.objects = objects;
    }

    void message(JsonNode node, String position) {
        message(node, position, 0);
    }

    /** One configuration item, as streamed from a snapshot or history file. */
    void item(JsonNode ci, String messageType, JsonNode diff, String position) {
        if (ci == null || !ci.isObject()) {
            reject("invalid_item", "a configuration item must be a JSON object", ci, position);
            return;
        }
        publish(origin -> ConfigItemNormaliser.item(ci, messageType, diff, origin), ci, position);
    }

    private void message(JsonNode node, String position, int depth) {
        if (!node.isObject()) {
            reject("not_config", "expected a JSON object", node, position);
            return;
        }
        String messageType = ConfigItemNormaliser.text(node, "messageType");
        JsonNode diff = node.get("configurationItemDiff");
        JsonNode items = node.get("configurationItems");
        JsonNode ci = node.get("configurationItem");
        JsonNode summary = node.get("configurationItemSummary");
        if (items != null && items.isArray()) {
            items(items, null, null, position);
        } else if (ci != null && ci.isArray()) {
            items(ci, messageType, diff, position); // 2014-era notifications carried a list
        } else if (ci != null && !ci.isNull()) {
            item(ci, messageType, diff, position);
        } else if (summary != null && !summary.isNull()) {
            oversized(node, summary, messageType, position);
        } else if (messageType != null) {
            notification(node, messageType, position);
        } else if (node.hasNonNull("resourceType") && node.hasNonNull("resourceId")) {
            item(node, null, null, position);
        } else {
            JsonNode inner = depth < MAX_ENVELOPES ? envelopeContent(node) : null;
            if (inner != null) {
                message(inner, position, depth + 1);
            } else {
                reject("not_config", "JSON holds no AWS Config item or notification", node, position);
            }
        }
    }

    /**
     * The full item of an oversized notification, read from the S3 object Config wrote it to, when an
     * object store is configured and the object is readable; otherwise the summary, which says what
     * changed (type, id, status, time) but not the configuration.
     */
    private void oversized(JsonNode node, JsonNode summary, String messageType, String position) {
        String location = ConfigItemNormaliser.text(node.path("s3DeliverySummary"), "s3BucketLocation");
        if (objects.isPresent() && location != null && location.indexOf('/') > 0) {
            String bucket = location.substring(0, location.indexOf('/'));
            String key = location.substring(location.indexOf('/') + 1);
            try {
                JsonNode full = OversizedItem.parse(objects.get().fetch(bucket, key));
                JsonNode ci = full.has("configurationItem") ? full.get("configurationItem") : full;
                if (ci.isObject() && ci.hasNonNull("resourceType")) {
                    item(ci, messageType, full.get("configurationItemDiff"), position + " (full item: s3://" + location + ")");
                    return;
                }
                LOG.warn("oversized item at s3://{} holds no configuration item; publishing the summary", location);
            } catch (IOException | RuntimeException e) {
                LOG.warn("oversized item at s3://{} not read ({}); publishing the summary", location, e.toString());
            }
        }
        publish(origin -> ConfigItemNormaliser.oversized(summary, messageType, origin), summary, position);
    }

    private void notification(JsonNode node, String messageType, String position) {
        if (DELIVERIES.contains(messageType)) {
            publish(origin -> ConfigItemNormaliser.delivery(node, origin), node, position);
        } else if (ITEM_MESSAGES.contains(messageType)) {
            reject("invalid_item", messageType + " without configurationItem", node, position);
        }
        // Any other notification states a fact about delivery or compliance, not a configuration: nothing to publish.
    }

    private void items(JsonNode items, String messageType, JsonNode diff, String position) {
        int i = 0;
        for (JsonNode ci : items) {
            item(ci, messageType, diff, items.size() == 1 ? position : position + " item " + ++i);
        }
    }

    private void publish(Function<Origin, ConfigChange> normalise, JsonNode original, String position) {
        try {
            ConfigChange c = normalise.apply(new Origin(source, position, Format.AWSCONFIG.label(), collectedAt));
            sink.accept(new Collected<>(Topics.CONFIG_CHANGES, c.getResourceType() + "/" + c.getResourceId(), c, c.getCaptureTime()));
        } catch (IllegalArgumentException | AvroRuntimeException e) {
            reject("invalid_item", "not a configuration item: " + e.getMessage(), original, position);
        }
    }

    /** The message an envelope wraps: a known envelope field first, else any field holding Config JSON. */
    private static JsonNode envelopeContent(JsonNode node) {
        for (String field : ENVELOPE_FIELDS) {
            JsonNode inner = asObject(node.get(field));
            if (inner != null) {
                return inner;
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode inner = asObject(field.getValue());
            if (inner != null && mentionsConfig(inner)) {
                return inner;
            }
        }
        return null;
    }

    private static boolean mentionsConfig(JsonNode n) {
        return n.has("configurationItem") || n.has("configurationItems") || n.has("configurationItemSummary") || n.has("messageType")
                || n.has("resourceType") && n.has("resourceId");
    }

    /** An object, or JSON text holding one (SNS and rule invocations carry the message as a string). */
    private static JsonNode asObject(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isObject()) {
            return v;
        }
        if (v.isTextual() && v.asText().stripLeading().startsWith("{")) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(v.asText());
                return parsed != null && parsed.isObject() ? parsed : null;
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private void reject(String reason, String detail, JsonNode original, String position) {
        byte[] payload = original == null ? new byte[0] : original.toString().getBytes(StandardCharsets.UTF_8);
        sink.reject(new Rejected(reason, detail, payload, position));
    }
}
