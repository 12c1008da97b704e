package io.vigil.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a finding, as {@code vigil replay --out} writes it and {@code vigil respond --findings}
 * reads it: the brief's finding format, snake_case, times as ISO-8601 UTC.
 */
public final class FindingJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FindingJson() {}

    public static ObjectNode toNode(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", f.getId());
        n.put("kind", f.getKind().name());
        n.put("detector", f.getDetector());
        n.put("severity", f.getSeverity().name());
        n.put("entity", f.getEntity());
        n.put("entity_type", f.getEntityType());
        if (f.getAccount() != null) {
            n.put("account", f.getAccount());
        }
        n.put("event_time", f.getEventTime().toString());
        n.put("detected_at", f.getDetectedAt().toString());
        ArrayNode attack = n.putArray("attack");
        f.getAttack().forEach(attack::add);
        n.put("summary", f.getSummary());
        ObjectNode evidence = n.putObject("evidence");
        ObjectNode observed = evidence.putObject("observed");
        f.getEvidence().getObserved().forEach(observed::put);
        ObjectNode baseline = evidence.putObject("baseline");
        f.getEvidence().getBaseline().forEach(baseline::put);
        evidence.put("reason", f.getEvidence().getReason());
        ArrayNode sources = n.putArray("sources");
        for (SourceRef s : f.getSources()) {
            ObjectNode src = sources.addObject();
            src.put("topic", s.getTopic());
            src.put("partition", s.getPartition());
            src.put("offset", s.getOffset());
            if (s.getRecordId() != null) {
                src.put("record_id", s.getRecordId());
            }
        }
        ArrayNode tags = n.putArray("tags");
        f.getTags().forEach(tags::add);
        return n;
    }

    public static String toJson(Finding f) {
        return toNode(f).toString();
    }

    /** @throws IllegalArgumentException naming the missing or malformed field */
    public static Finding fromJson(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object per line");
        }
        Map<String, String> observed = strings(n.path("evidence").path("observed"));
        Map<String, String> baseline = strings(n.path("evidence").path("baseline"));
        List<SourceRef> sources = new ArrayList<>();
        for (JsonNode s : n.path("sources")) {
            sources.add(new SourceRef(s.path("topic").asText(), s.path("partition").asInt(), s.path("offset").asLong(),
                    s.hasNonNull("record_id") ? s.get("record_id").asText() : null));
        }
        List<String> attack = new ArrayList<>();
        n.path("attack").forEach(a -> attack.add(a.asText()));
        List<String> tags = new ArrayList<>();
        n.path("tags").forEach(a -> tags.add(a.asText()));
        return Finding.newBuilder()
                .setId(required(n, "id"))
                .setKind(enumValue(FindingKind.class, n, "kind"))
                .setDetector(required(n, "detector"))
                .setSeverity(enumValue(Severity.class, n, "severity"))
                .setEntity(required(n, "entity"))
                .setEntityType(n.path("entity_type").asText("unknown"))
                .setAccount(n.hasNonNull("account") ? n.get("account").asText() : null)
                .setEventTime(time(n, "event_time"))
                .setDetectedAt(time(n, "detected_at"))
                .setAttack(attack)
                .setSummary(required(n, "summary"))
                .setEvidence(new Evidence(observed, baseline, n.path("evidence").path("reason").asText("")))
                .setSources(sources)
                .setTags(tags)
                .build();
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a value");
        }
        return v.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String field) {
        String v = required(n, field);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException("field '" + field + "' is '" + v + "', expected one of " + List.of(type.getEnumConstants()));
    }

    private static Instant time(JsonNode n, String field) {
        String v = required(n, field);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + field + "' is '" + v + "', expected ISO-8601 UTC such as 2024-08-18T13:01:07Z");
        }
    }

    private static Map<String, String> strings(JsonNode obj) {
        Map<String, String> out = new LinkedHashMap<>();
        obj.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }
}
