package io.vigil.streams.detect.sigma.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses SigmaHQ rule documents (one or several per text, {@code ---}-separated) into {@link SigmaRule}s
 * and {@link CorrelationRule}s. A document that uses a construct this engine does not implement, or
 * that is malformed, becomes a {@link RuleProblem} naming the construct; the other documents load.
 */
public final class RuleParser {
    private static final Set<String> RETIRED = Set.of("deprecated", "unsupported");

    private RuleParser() {}

    public static ParseResult parse(String source, String text) {
        List<SigmaRule> rules = new ArrayList<>();
        List<CorrelationRule> correlations = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<Object> docs;
        try {
            docs = SigmaYaml.loadAll(text);
        } catch (RuntimeException e) {
            return new ParseResult(List.of(), List.of(), List.of(new RuleProblem(source, "?", "YAML", "not readable YAML: " + firstLine(e.getMessage()))));
        }
        for (Object doc : docs) {
            if (!(doc instanceof Map<?, ?> map)) {
                problems.add(new RuleProblem(source, "?", "document", "a rule document must be a YAML map"));
                continue;
            }
            String id = identity(map);
            try {
                if (map.containsKey("action")) {
                    throw new UnsupportedConstruct("action: " + map.get("action"), "rule collections (action: global/reset/repeat) are not supported");
                }
                Object status = map.get("status");
                if (status != null && RETIRED.contains(status.toString().toLowerCase(Locale.ROOT))) {
                    throw new UnsupportedConstruct("status: " + status, "a " + status + " rule is not run");
                }
                if (map.containsKey("correlation")) {
                    correlations.add(CorrelationParser.parse(source, id, map));
                } else {
                    rules.add(detectionRule(source, id, map));
                }
            } catch (UnsupportedConstruct u) {
                problems.add(new RuleProblem(source, id, u.construct(), u.reason()));
            }
        }
        if (docs.isEmpty()) {
            problems.add(new RuleProblem(source, "?", "document", "no rule document"));
        }
        return new ParseResult(rules, correlations, problems);
    }

    static String identity(Map<?, ?> map) {
        for (String key : List.of("id", "name", "title")) {
            if (map.get(key) != null) {
                return map.get(key).toString();
            }
        }
        return "?";
    }

    static List<String> tags(Map<?, ?> map) {
        List<String> out = new ArrayList<>();
        if (map.get("tags") instanceof List<?> list) {
            list.forEach(t -> out.add(String.valueOf(t)));
        }
        return out;
    }

    static String title(Map<?, ?> map, String id) {
        return map.get("title") != null ? map.get("title").toString() : id;
    }

    private static SigmaRule detectionRule(String source, String id, Map<?, ?> map) {
        checkLogsource(map.get("logsource"));
        if (!(map.get("detection") instanceof Map<?, ?> detection)) {
            throw new UnsupportedConstruct("detection", "a rule needs a 'detection' map");
        }
        Map<String, Search> searches = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : detection.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("condition")) {
                continue;
            }
            if (key.equals("timeframe")) {
                throw new UnsupportedConstruct("detection.timeframe: " + e.getValue(), "Sigma v1 timeframes are not supported; express it as a correlation rule");
            }
            searches.put(key, SearchParser.search(key, e.getValue()));
        }
        Condition condition = condition(detection.get("condition"), searches);
        return new SigmaRule(source, id, map.get("name") == null ? null : map.get("name").toString(), title(map, id),
                map.get("status") == null ? null : map.get("status").toString(), Level.parse(map.get("level")), tags(map), searches, condition);
    }

    private static Condition condition(Object value, Map<String, Search> searches) {
        if (value == null) {
            throw new UnsupportedConstruct("detection.condition", "a rule needs a condition");
        }
        if (value instanceof List<?> list) {
            // A list of conditions is their disjunction (spec).
            List<Condition> parts = new ArrayList<>();
            for (Object c : list) {
                parts.add(ConditionParser.parse(String.valueOf(c), searches.keySet()));
            }
            return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
        }
        return ConditionParser.parse(value.toString(), searches.keySet());
    }

    /** The engine reads CloudTrail only: a rule written for another log would silently never match. */
    private static void checkLogsource(Object logsource) {
        if (!(logsource instanceof Map<?, ?> ls)) {
            throw new UnsupportedConstruct("logsource", "a rule needs a logsource (product: aws, service: cloudtrail)");
        }
        String product = String.valueOf(ls.get("product")).toLowerCase(Locale.ROOT);
        String service = String.valueOf(ls.get("service")).toLowerCase(Locale.ROOT);
        if (!product.equals("aws") || !service.equals("cloudtrail")) {
            throw new UnsupportedConstruct("logsource: " + ls, "only product: aws, service: cloudtrail is read by this engine");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
