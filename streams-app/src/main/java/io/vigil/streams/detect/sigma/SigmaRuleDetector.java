package io.vigil.streams.detect.sigma;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.FindingKind;
import io.vigil.streams.detect.sigma.match.RuleMatch;
import io.vigil.streams.detect.sigma.rule.SigmaRule;
import io.vigil.streams.finding.Detection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sigma.rule}: a CloudTrail event satisfied a Sigma detection rule (SigmaHQ's or the estate's own).
 *
 * <p>Why: Sigma is the shared language of detection engineering; SigmaHQ's CloudTrail rules encode
 * community knowledge of control-plane abuse (logging disabled, backdoor keys, snapshot exfiltration …)
 * and a team's own rules can be added without a release, through the {@code rules} topic. Severity is the
 * rule's {@code level}, ATT&CK techniques its {@code attack.tNNNN} tags. References: Sigma specification
 * (github.com/SigmaHQ/sigma-specification), SigmaHQ rules/cloud/aws/cloudtrail. Playbook: suspicious-activity
 * (the rule's own tags say more).
 *
 * <p>Pure: no Kafka types, no clock.
 */
public final class SigmaRuleDetector {
    public static final String NAME = "sigma.rule";

    private SigmaRuleDetector() {}

    public static Detection detection(RuleMatch match, AuditEvent e) {
        SigmaRule rule = match.rule();
        String who = e.getPrincipalArn() != null ? e.getPrincipalArn() : "an unidentified principal";
        String summary = "Sigma rule " + RuleFacts.quoted(rule.title()) + " (" + rule.id() + ") matched " + e.getEventSource() + ":"
                + e.getEventName() + " by " + who + (e.getSourceIp() != null ? " from " + e.getSourceIp() : "") + ".";
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("event_id", e.getEventId());
        observed.put("event_source", e.getEventSource());
        observed.put("event_name", e.getEventName());
        put(observed, "error_code", e.getErrorCode());
        put(observed, "source_ip", e.getSourceIp());
        put(observed, "user_agent", e.getUserAgent());
        put(observed, "principal_type", e.getPrincipalType());
        observed.put("matched_selections", String.join(", ", match.holding()));
        Map<String, String> expectation = new LinkedHashMap<>();
        expectation.put("rule_id", rule.id());
        expectation.put("rule_title", rule.title());
        expectation.put("rule_level", rule.level().name().toLowerCase(java.util.Locale.ROOT));
        expectation.put("rule_source", rule.source());
        expectation.put("selections", String.join(", ", rule.searches().keySet()));
        List<String> tags = new ArrayList<>(List.of("sigma:" + rule.id(), "playbook:suspicious-activity"));
        return new Detection(NAME, FindingKind.anomaly, RuleFacts.severity(rule.level()), who, "principal",
                e.getRecipientAccount() != null ? e.getRecipientAccount() : e.getPrincipalAccount(), RuleFacts.techniques(rule.tags()), summary,
                observed, expectation, "The event satisfies the rule's condition; selections that held: " + String.join(", ", match.holding()) + ".",
                rule.id() + "/" + e.getEventId(), tags);
    }

    static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
