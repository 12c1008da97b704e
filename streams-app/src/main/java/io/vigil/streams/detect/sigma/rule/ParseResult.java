package io.vigil.streams.detect.sigma.rule;

import java.util.ArrayList;
import java.util.List;

/** What a set of rule documents gave: the rules that load, and a problem for each one that does not. */
public record ParseResult(List<SigmaRule> rules, List<CorrelationRule> correlations, List<RuleProblem> problems) {
    public ParseResult {
        rules = List.copyOf(rules);
        correlations = List.copyOf(correlations);
        problems = List.copyOf(problems);
    }

    public static ParseResult empty() {
        return new ParseResult(List.of(), List.of(), List.of());
    }

    public ParseResult plus(ParseResult other) {
        List<SigmaRule> r = new ArrayList<>(rules);
        r.addAll(other.rules);
        List<CorrelationRule> c = new ArrayList<>(correlations);
        c.addAll(other.correlations);
        List<RuleProblem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new ParseResult(r, c, p);
    }
}
