package io.vigil.streams.detect.sigma;

import io.vigil.schemas.FindingKind;
import io.vigil.streams.detect.sigma.correlate.Correlator;
import io.vigil.streams.detect.sigma.correlate.Hit;
import io.vigil.streams.detect.sigma.rule.CorrelationRule;
import io.vigil.streams.finding.Detection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sigma.correlation}: a Sigma v2 correlation rule held: enough events ({@code event_count}),
 * enough distinct values ({@code value_count}) or all the listed rules ({@code temporal},
 * {@code temporal_ordered}) within its timespan of event time, for one group of its group-by values.
 *
 * <p>Why: single events are often benign; their repetition or their succession is not (password spraying
 * is many failed logins from one address over many users, T1110.003; ransomware preparation is versioning
 * suspended then objects deleted, T1490/T1485). References: Sigma correlation rules specification v2.
 * Playbook: suspicious-activity.
 *
 * <p>Pure: no Kafka types, no clock.
 */
public final class SigmaCorrelationDetector {
    public static final String NAME = "sigma.correlation";

    private SigmaCorrelationDetector() {}

    /**
     * @param group     the group-by fields and the values this group has
     * @param principal the principal of the last event (the finding's entity when the group names none)
     */
    public static Detection detection(CorrelationRule c, Map<String, String> group, Correlator.Fired fired, String principal, String account) {
        String groupText = group.isEmpty() ? "all events" : group.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
        String what = switch (c.type()) {
            case EVENT_COUNT -> fired.count() + " matching events";
            case VALUE_COUNT -> fired.count() + " distinct values of " + c.field();
            case TEMPORAL -> fired.count() + " of the " + c.rules().size() + " correlated rules";
            case TEMPORAL_ORDERED -> "the " + c.rules().size() + " correlated rules in order";
        };
        String summary = "Sigma correlation " + RuleFacts.quoted(c.title()) + " (" + c.id() + "): " + what + " within "
                + Duration.ofMillis(c.timespanMillis()).toString().substring(2).toLowerCase(Locale.ROOT) + " for " + groupText + ".";
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("count", Long.toString(fired.count()));
        observed.put("events", Integer.toString(fired.hits().size()));
        observed.put("first_event_id", fired.hits().get(0).eventId());
        observed.put("last_event_id", fired.hits().get(fired.hits().size() - 1).eventId());
        observed.put("span_ms", Long.toString(fired.hits().get(fired.hits().size() - 1).time() - fired.hits().get(0).time()));
        group.forEach((k, v) -> observed.put("group." + k, v));
        Map<String, String> expectation = new LinkedHashMap<>();
        expectation.put("rule_id", c.id());
        expectation.put("rule_title", c.title());
        expectation.put("rule_level", c.level().name().toLowerCase(Locale.ROOT));
        expectation.put("type", c.type().name().toLowerCase(Locale.ROOT));
        expectation.put("rules", String.join(", ", c.rules()));
        expectation.put("group_by", String.join(", ", c.groupBy()));
        expectation.put("timespan_ms", Long.toString(c.timespanMillis()));
        if (c.condition() != null) {
            expectation.put("condition", c.condition().describe());
        }
        String entity = entity(c, group, principal);
        List<Hit> hits = fired.hits();
        return new Detection(NAME, FindingKind.anomaly, RuleFacts.severity(c.level()), entity, entityType(c, group), account,
                RuleFacts.techniques(c.tags()), summary, observed, expectation,
                "The correlation's condition held in event time for this group; each event matched one of the correlated rules.",
                c.id() + "/" + groupText + "/" + hits.get(0).eventId() + "/" + hits.get(hits.size() - 1).eventId(),
                List.of("sigma:" + c.id(), "playbook:suspicious-activity"));
    }

    private static String entity(CorrelationRule c, Map<String, String> group, String principal) {
        for (Map.Entry<String, String> e : group.entrySet()) {
            if (e.getKey().startsWith("userIdentity.") || e.getKey().equals("sourceIPAddress")) {
                if (!e.getValue().isEmpty()) {
                    return e.getValue();
                }
            }
        }
        return principal != null ? principal : c.id();
    }

    private static String entityType(CorrelationRule c, Map<String, String> group) {
        for (Map.Entry<String, String> e : group.entrySet()) {
            if (e.getKey().startsWith("userIdentity.") && !e.getValue().isEmpty()) {
                return "principal";
            }
            if (e.getKey().equals("sourceIPAddress") && !e.getValue().isEmpty()) {
                return "ip";
            }
        }
        return "principal";
    }
}
