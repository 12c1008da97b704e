package io.vigil.streams.detect.sigma.rule;

import java.util.List;

/**
 * A parsed Sigma v2 correlation rule.
 *
 * @param rules          the referenced rules (ids or names), in the order given
 * @param groupBy        the fields whose values must be equal across the correlated events
 * @param timespanMillis the event-time span within which the hits must fall
 * @param condition      the count condition ({@code null} for temporal types: all rules must hit)
 * @param field          the field whose distinct values {@link CorrelationType#VALUE_COUNT} counts
 * @param generate       whether the referenced rules also raise findings of their own (spec default: no)
 */
public record CorrelationRule(String source, String id, String name, String title, Level level, List<String> tags, CorrelationType type,
                              List<String> rules, List<String> groupBy, long timespanMillis, CountCondition condition, String field,
                              boolean generate) {
    public CorrelationRule {
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
    }
}
