package io.vigil.streams.detect.sigma.rule;

import java.util.List;
import java.util.Map;

/**
 * A parsed Sigma detection rule for CloudTrail.
 *
 * @param source    where it came from (file name or rules-topic key)
 * @param id        its id ({@code id}, else its {@code name}, else its title)
 * @param name      its {@code name} (how correlation rules may refer to it), or null
 * @param searches  the search identifiers of {@code detection}, in declaration order
 * @param condition the parsed condition
 */
public record SigmaRule(String source, String id, String name, String title, String status, Level level, List<String> tags,
                        Map<String, Search> searches, Condition condition) {
    public SigmaRule {
        tags = List.copyOf(tags);
        searches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(searches));
    }
}
