package io.vigil.streams.detect.sigma.match;

import io.vigil.streams.detect.sigma.rule.CorrelationRule;
import io.vigil.streams.detect.sigma.rule.SigmaRule;
import java.util.List;

/**
 * A rule that matched an event.
 *
 * @param holding    the rule's search identifiers that hold for the event (the matched selections)
 * @param standalone whether the match is a finding of its own (false when it only feeds correlations)
 * @param feeds      the correlation rules that count this match
 */
public record RuleMatch(SigmaRule rule, List<String> holding, boolean standalone, List<CorrelationRule> feeds) {}
