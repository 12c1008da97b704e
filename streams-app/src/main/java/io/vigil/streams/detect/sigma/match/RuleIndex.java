package io.vigil.streams.detect.sigma.match;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rules by the (field, exact value) they require, so an event costs a lookup per indexed field (a
 * handful: eventName, eventSource, a few others) plus the rules that could match it, not a test of
 * every rule. Rules that require no exact value sit in a residual list tried for every event.
 */
final class RuleIndex {
    private final Map<String, Map<String, List<CompiledRule>>> byField = new LinkedHashMap<>();
    private final List<CompiledRule> residual = new ArrayList<>();

    RuleIndex(List<CompiledRule> rules) {
        for (CompiledRule r : rules) {
            var anchor = Anchors.of(r.rule);
            if (anchor.isEmpty()) {
                residual.add(r);
            } else {
                Map<String, List<CompiledRule>> byValue = byField.computeIfAbsent(anchor.get().getKey(), k -> new HashMap<>());
                anchor.get().getValue().forEach(v -> byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(r));
            }
        }
    }

    /** The rules that may match {@code event}, each once. */
    List<CompiledRule> candidates(EventView event) {
        List<CompiledRule> out = new ArrayList<>(residual);
        boolean duplicates = false;
        for (var field : byField.entrySet()) {
            List<JsonNode> values = event.values(field.getKey());
            for (JsonNode v : values) {
                if (v.isValueNode() && !v.isNull()) {
                    List<CompiledRule> hit = field.getValue().get(v.asText().toLowerCase(Locale.ROOT));
                    if (hit != null) {
                        out.addAll(hit);
                        duplicates |= values.size() > 1;
                    }
                }
            }
        }
        if (duplicates) {
            Set<CompiledRule> unique = new LinkedHashSet<>(out);
            return new ArrayList<>(unique);
        }
        return out;
    }

    int residualSize() {
        return residual.size();
    }

    Map<String, Integer> indexedFields() {
        Map<String, Integer> out = new LinkedHashMap<>();
        byField.forEach((f, m) -> out.put(f, m.values().stream().mapToInt(List::size).sum()));
        return out;
    }
}
