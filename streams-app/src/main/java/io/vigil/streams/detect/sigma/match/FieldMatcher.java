package io.vigil.streams.detect.sigma.match;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.streams.detect.sigma.rule.FieldTest;
import java.util.List;
import java.util.Locale;

/**
 * A compiled {@link FieldTest}. The field's values (several when the path crossed an array) are
 * tried in turn; a rule value matches when any event value does. Values are alternatives, or all
 * required with {@code |all}. A {@code null} rule value matches an absent or JSON-null field.
 */
final class FieldMatcher {
    private final String field;
    /** One entry per rule value: its variants (base64 offsets, dash forms), any of which may match; null for a null value. */
    private final List<List<TextTest>> values;
    private final boolean all;
    private final Boolean exists;
    private final String refField;
    private final boolean cased;

    FieldMatcher(String field, List<List<TextTest>> values, boolean all, Boolean exists, String refField, boolean cased) {
        this.field = field;
        this.values = values;
        this.all = all;
        this.exists = exists;
        this.refField = refField;
        this.cased = cased;
    }

    boolean test(EventView event) {
        List<JsonNode> found = event.values(field);
        if (exists != null) {
            return exists == found.stream().anyMatch(n -> !n.isNull());
        }
        if (refField != null) {
            return fieldRef(found, event.values(refField));
        }
        String[] texts = new String[found.size()];
        String[] lowers = new String[found.size()];
        boolean absent = true;
        for (int i = 0; i < texts.length; i++) {
            JsonNode n = found.get(i);
            if (!n.isNull()) {
                texts[i] = n.isValueNode() ? n.asText() : n.toString();
                lowers[i] = texts[i].toLowerCase(Locale.ROOT);
                absent = false;
            }
        }
        for (List<TextTest> variants : values) {
            boolean hit = variants == null ? absent : any(variants, texts, lowers);
            if (hit && !all) {
                return true;
            }
            if (!hit && all) {
                return false;
            }
        }
        return all;
    }

    private static boolean any(List<TextTest> variants, String[] texts, String[] lowers) {
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] == null) {
                continue;
            }
            for (TextTest t : variants) {
                if (t.test(texts[i], lowers[i])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code fieldref}: the field equals (case-insensitively unless cased) some value of the other field. */
    private boolean fieldRef(List<JsonNode> found, List<JsonNode> reference) {
        for (JsonNode a : found) {
            for (JsonNode b : reference) {
                if (!a.isNull() && !b.isNull() && (cased ? a.asText().equals(b.asText()) : a.asText().equalsIgnoreCase(b.asText()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
