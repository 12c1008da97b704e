package io.vigil.streams.detect.sigma.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the {@code correlation} section of a Sigma v2 correlation rule. */
final class CorrelationParser {
    private static final Pattern TIMESPAN = Pattern.compile("(\\d+)([smhd])");

    private CorrelationParser() {}

    static CorrelationRule parse(String source, String id, Map<?, ?> map) {
        if (!(map.get("correlation") instanceof Map<?, ?> c)) {
            throw new UnsupportedConstruct("correlation", "'correlation' must be a map");
        }
        if (c.containsKey("aliases")) {
            throw new UnsupportedConstruct("correlation.aliases", "field name aliases are not supported");
        }
        CorrelationType type = type(c.get("type"));
        List<String> rules = strings(c.get("rules"), "correlation.rules");
        if (rules.isEmpty()) {
            throw new UnsupportedConstruct("correlation.rules", "a correlation needs the rules it correlates");
        }
        List<String> groupBy = c.get("group-by") == null ? List.of() : strings(c.get("group-by"), "correlation.group-by");
        long span = timespan(c.get("timespan"));
        CountCondition condition = null;
        String field = null;
        if (c.get("condition") instanceof Map<?, ?> cond) {
            field = cond.get("field") == null ? null : cond.get("field").toString();
            condition = new CountCondition(bound(cond, "gt"), bound(cond, "gte"), bound(cond, "lt"), bound(cond, "lte"), bound(cond, "eq"));
            for (Object k : cond.keySet()) {
                if (!List.of("gt", "gte", "lt", "lte", "eq", "field").contains(String.valueOf(k))) {
                    throw new UnsupportedConstruct("correlation.condition." + k, "unknown condition criterion");
                }
            }
        } else if (c.get("condition") != null) {
            throw new UnsupportedConstruct("correlation.condition: " + c.get("condition"), "the condition must be a map such as {gte: 10}");
        }
        if ((type == CorrelationType.EVENT_COUNT || type == CorrelationType.VALUE_COUNT) && (condition == null || condition.describe().isEmpty())) {
            throw new UnsupportedConstruct("correlation.condition", type.name().toLowerCase(Locale.ROOT) + " needs a count condition");
        }
        if (condition != null && condition.gt() == null && condition.gte() == null && condition.eq() == null && !condition.describe().isEmpty()) {
            throw new UnsupportedConstruct("correlation.condition: " + condition.describe(), "an upper bound alone (lt/lte) cannot be judged as events arrive");
        }
        if (type == CorrelationType.VALUE_COUNT && field == null) {
            throw new UnsupportedConstruct("correlation.condition.field", "value_count needs the field whose distinct values it counts");
        }
        boolean generate = Boolean.TRUE.equals(map.get("generate")) || Boolean.TRUE.equals(c.get("generate"));
        return new CorrelationRule(source, id, map.get("name") == null ? null : map.get("name").toString(), RuleParser.title(map, id),
                Level.parse(map.get("level")), RuleParser.tags(map), type, rules, groupBy, span, condition, field, generate);
    }

    private static CorrelationType type(Object value) {
        try {
            return CorrelationType.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnsupportedConstruct("correlation.type: " + value, "supported types: event_count, value_count, temporal, temporal_ordered");
        }
    }

    static long timespan(Object value) {
        Matcher m = TIMESPAN.matcher(String.valueOf(value).trim());
        if (value == null || !m.matches()) {
            throw new UnsupportedConstruct("correlation.timespan: " + value, "expected a number and s, m, h or d, e.g. 10m");
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
        if (n <= 0 || n > 366L * 86_400_000L / unit) {
            throw new UnsupportedConstruct("correlation.timespan: " + value, "a timespan must be positive and at most a year");
        }
        return n * unit;
    }

    private static Long bound(Map<?, ?> cond, String key) {
        Object v = cond.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw new UnsupportedConstruct("correlation.condition." + key + ": " + v, "a count bound must be a number");
        }
        return n.longValue();
    }

    private static List<String> strings(Object value, String construct) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            out.add(s);
        } else {
            throw new UnsupportedConstruct(construct, "expected a list of names");
        }
        return out;
    }
}
