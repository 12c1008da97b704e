package io.vigil.streams.detect.sigma.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vigil.schemas.AuditEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CloudTrail event as Sigma sees it: field names are CloudTrail's own ({@code eventName},
 * {@code userIdentity.type}, {@code requestParameters.bucketName} …), resolved against the original
 * JSON the {@link AuditEvent} keeps verbatim. Top-level fields the collector copied into the normalised
 * record as they were ({@code eventName}, {@code eventSource}, {@code userAgent}, {@code errorCode},
 * {@code userIdentity.type} …) are read from it, so most events are judged without parsing the JSON;
 * it is parsed on first need, once per event.
 *
 * <p>A path steps into objects by key; an array on the way fans out to its elements, so
 * {@code requestParameters.containerDefinitions.command} reaches every command of every container.
 */
public final class EventView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> normalised;
    private final Map<String, String> subtrees;
    private final Map<String, JsonNode> parsedSubtrees = new HashMap<>(4);
    private final String raw;
    private JsonNode root;
    private String lowerText;
    private final Map<String, List<JsonNode>> cache = new HashMap<>(8);

    private EventView(Map<String, String> normalised, Map<String, String> subtrees, String raw, JsonNode root) {
        this.normalised = normalised;
        this.subtrees = subtrees;
        this.raw = raw;
        this.root = root;
    }

    public static EventView of(AuditEvent e) {
        // Only fields the collector copies verbatim (text of the same JSON value); principal_arn is not one of them.
        Map<String, String> n = new HashMap<>(32);
        n.put("eventName", e.getEventName());
        n.put("eventSource", e.getEventSource());
        n.put("eventID", e.getEventId());
        n.put("eventType", e.getEventType());
        n.put("eventVersion", e.getEventVersion());
        n.put("awsRegion", e.getAwsRegion());
        n.put("sourceIPAddress", e.getSourceIp());
        n.put("userAgent", e.getUserAgent());
        n.put("errorCode", e.getErrorCode());
        n.put("errorMessage", e.getErrorMessage());
        n.put("recipientAccountId", e.getRecipientAccount());
        n.put("userIdentity.type", e.getPrincipalType());
        n.put("userIdentity.principalId", e.getPrincipalId());
        n.put("userIdentity.accountId", e.getPrincipalAccount());
        n.put("userIdentity.accessKeyId", e.getAccessKeyId());
        n.put("userIdentity.invokedBy", e.getInvokedBy());
        n.put("userIdentity.sessionContext.sessionIssuer.arn", e.getSessionIssuerArn());
        n.put("userIdentity.sessionContext.sessionIssuer.type", e.getSessionIssuerType());
        // The collector also keeps these objects as JSON text of their own: parsing one is cheaper than the whole record.
        Map<String, String> sub = new HashMap<>(4);
        sub.put("requestParameters", e.getRequestParameters());
        sub.put("responseElements", e.getResponseElements());
        sub.put("additionalEventData", e.getAdditionalEventData());
        return new EventView(n, sub, e.getRaw(), null);
    }

    /** A CloudTrail record already parsed (tests, benchmarks, files). */
    public static EventView of(JsonNode record) {
        return new EventView(Map.of(), Map.of(), null, record);
    }

    /** The values at {@code field}: empty when it is absent; a JSON null is a {@code NullNode}. */
    public List<JsonNode> values(String field) {
        List<JsonNode> v = cache.get(field);
        if (v == null) {
            if (normalised.containsKey(field)) {
                String text = normalised.get(field);
                v = text == null ? List.of() : List.of(TextNode.valueOf(text));
            } else {
                v = subtree(field);
                if (v == null) {
                    v = resolve(root(), field);
                }
            }
            cache.put(field, v);
        }
        return v;
    }

    /** The whole record as lower-case text, for keyword searches. */
    public String lowerText() {
        if (lowerText == null) {
            lowerText = (raw != null ? raw : root().toString()).toLowerCase(Locale.ROOT);
        }
        return lowerText;
    }

    /** The values of a field under requestParameters, responseElements or additionalEventData, from that object's own JSON; null if not one. */
    private List<JsonNode> subtree(String field) {
        int dot = field.indexOf('.');
        String top = dot < 0 ? field : field.substring(0, dot);
        if (!subtrees.containsKey(top)) {
            return null;
        }
        String text = subtrees.get(top);
        if (text == null) {
            return List.of();
        }
        JsonNode node = parsedSubtrees.get(top);
        if (node == null) {
            try {
                node = JSON.readTree(text);
            } catch (Exception e) {
                node = MissingNode.getInstance();
            }
            parsedSubtrees.put(top, node);
        }
        if (dot < 0) {
            return node.isMissingNode() ? List.of() : List.of(node);
        }
        return resolve(node, field.substring(dot + 1));
    }

    private JsonNode root() {
        if (root == null) {
            try {
                root = raw == null ? MissingNode.getInstance() : JSON.readTree(raw);
            } catch (Exception e) {
                // The collector only publishes JSON it parsed; a broken raw matches no field rather than failing the stream.
                root = MissingNode.getInstance();
            }
        }
        return root;
    }

    static List<JsonNode> resolve(JsonNode node, String path) {
        List<JsonNode> current = List.of(node);
        int start = 0;
        while (start <= path.length()) {
            int dot = path.indexOf('.', start);
            String key = dot < 0 ? path.substring(start) : path.substring(start, dot);
            List<JsonNode> next = new ArrayList<>(2);
            for (JsonNode n : current) {
                step(n, key, next);
            }
            if (next.isEmpty()) {
                return List.of();
            }
            current = next;
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        List<JsonNode> leaves = new ArrayList<>(current.size());
        for (JsonNode n : current) {
            if (n.isArray()) {
                n.forEach(leaves::add);
            } else {
                leaves.add(n);
            }
        }
        return leaves;
    }

    private static void step(JsonNode n, String key, List<JsonNode> out) {
        if (n.isArray()) {
            for (JsonNode element : n) {
                step(element, key, out);
            }
        } else if (n.isObject()) {
            JsonNode child = n.get(key);
            if (child != null) {
                out.add(child);
            }
        }
    }
}
