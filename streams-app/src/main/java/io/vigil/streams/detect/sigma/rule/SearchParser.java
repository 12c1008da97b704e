package io.vigil.streams.detect.sigma.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses one search identifier's value: a map, a list of maps, or keywords. */
final class SearchParser {
    private SearchParser() {}

    static Search search(String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            return new Search.Fields(List.of(fieldTests(name, map)));
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            if (list.stream().allMatch(v -> v instanceof Map)) {
                List<List<FieldTest>> alternatives = new ArrayList<>();
                for (Object v : list) {
                    alternatives.add(fieldTests(name, (Map<?, ?>) v));
                }
                return new Search.Fields(alternatives);
            }
            if (list.stream().allMatch(SearchParser::scalar)) {
                return new Search.Keywords(list.stream().map(String::valueOf).toList());
            }
            throw new UnsupportedConstruct(name, "a list mixing maps and values is not supported");
        }
        if (value instanceof String || value instanceof Number) {
            return new Search.Keywords(List.of(value.toString()));
        }
        throw new UnsupportedConstruct(name + ": " + value, "a search identifier must be a map, a list of maps or keywords");
    }

    private static List<FieldTest> fieldTests(String name, Map<?, ?> map) {
        if (map.isEmpty()) {
            throw new UnsupportedConstruct(name, "empty selection");
        }
        List<FieldTest> tests = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            tests.add(fieldTest(String.valueOf(e.getKey()), e.getValue()));
        }
        return tests;
    }

    private static FieldTest fieldTest(String key, Object value) {
        String[] parts = key.split("\\|", -1);
        String field = parts[0].trim();
        if (field.isEmpty()) {
            throw new UnsupportedConstruct(key, "keyword searches with modifiers ('|mod' without a field) are not supported");
        }
        List<Modifier> modifiers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            modifiers.add(Modifier.parse(parts[i], key));
        }
        List<Object> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new UnsupportedConstruct(key, "empty value list");
            }
            for (Object v : list) {
                if (!scalar(v) && v != null) {
                    throw new UnsupportedConstruct(key, "a value must be a string, number, boolean or null, not " + v.getClass().getSimpleName());
                }
                values.add(v);
            }
        } else if (value == null || scalar(value)) {
            values.add(value);
        } else {
            throw new UnsupportedConstruct(key, "a value must be a string, number, boolean or null, not a map");
        }
        ModifierRules.check(key, modifiers, values);
        return new FieldTest(field, modifiers, values);
    }

    private static boolean scalar(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean;
    }
}
