package io.vigil.streams.detect.sigma.match;

import io.vigil.streams.detect.sigma.rule.Condition;
import io.vigil.streams.detect.sigma.rule.FieldTest;
import io.vigil.streams.detect.sigma.rule.Search;
import io.vigil.streams.detect.sigma.rule.SigmaRule;
import io.vigil.streams.detect.sigma.rule.Wildcards;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a rule requires of an event, as (field, any of these exact values): derived from the condition,
 * so it is a necessary condition of a match and the index may skip the rule for any event without one
 * of the values. An {@code and} keeps every side's requirements (same field: the common values), an
 * {@code or} only the fields all sides require (their values joined), a {@code not} requires nothing.
 */
final class Anchors {
    /** Fields the index prefers, most selective first; any other required field is a fallback. */
    private static final List<String> PREFERRED = List.of("eventName", "eventSource");

    private Anchors() {}

    /** The field and lower-case values to index {@code rule} under, or empty if it requires none (residual). */
    static Optional<Map.Entry<String, Set<String>>> of(SigmaRule rule) {
        Map<String, Set<String>> required = required(rule.condition(), rule.searches());
        required.values().removeIf(Set::isEmpty);
        for (String f : PREFERRED) {
            if (required.containsKey(f)) {
                return Optional.of(Map.entry(f, required.get(f)));
            }
        }
        return new TreeMap<>(required).entrySet().stream().findFirst();
    }

    static Map<String, Set<String>> required(Condition c, Map<String, Search> searches) {
        if (c instanceof Condition.Ref r) {
            return ofSearch(searches.get(r.name()));
        }
        if (c instanceof Condition.And a) {
            return a.parts().stream().map(p -> required(p, searches)).reduce(new HashMap<>(), Anchors::both);
        }
        if (c instanceof Condition.Or o) {
            return o.parts().stream().map(p -> required(p, searches)).reduce(Anchors::either).orElseGet(HashMap::new);
        }
        if (c instanceof Condition.Of of) {
            var parts = of.names().stream().map(n -> ofSearch(searches.get(n)));
            return of.all() ? parts.reduce(new HashMap<>(), Anchors::both) : parts.reduce(Anchors::either).orElseGet(HashMap::new);
        }
        return new HashMap<>();
    }

    private static Map<String, Set<String>> ofSearch(Search s) {
        if (!(s instanceof Search.Fields f)) {
            return new HashMap<>();
        }
        Map<String, Set<String>> out = null;
        for (List<FieldTest> conjunction : f.alternatives()) {
            Map<String, Set<String>> req = new HashMap<>();
            for (FieldTest t : conjunction) {
                if (t.plainEquality()) {
                    Set<String> values = new HashSet<>();
                    t.values().forEach(v -> values.add(lower(v)));
                    req.merge(t.field(), values, Anchors::intersect);
                }
            }
            out = out == null ? req : either(out, req);
        }
        return out == null ? new HashMap<>() : out;
    }

    private static String lower(Object v) {
        return (v instanceof String s ? Wildcards.unescape(s) : String.valueOf(v)).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Set<String>> both(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        Map<String, Set<String>> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Anchors::intersect));
        return out;
    }

    private static Map<String, Set<String>> either(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        Map<String, Set<String>> out = new HashMap<>();
        a.forEach((k, v) -> {
            if (b.containsKey(k)) {
                Set<String> union = new HashSet<>(v);
                union.addAll(b.get(k));
                out.put(k, union);
            }
        });
        return out;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }
}
