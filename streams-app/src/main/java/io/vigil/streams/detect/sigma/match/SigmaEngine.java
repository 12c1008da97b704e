package io.vigil.streams.detect.sigma.match;

import io.vigil.streams.detect.sigma.rule.CorrelationRule;
import io.vigil.streams.detect.sigma.rule.ParseResult;
import io.vigil.streams.detect.sigma.rule.RuleProblem;
import io.vigil.streams.detect.sigma.rule.SigmaRule;
import io.vigil.streams.detect.sigma.rule.UnsupportedConstruct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Sigma rules in force, compiled and indexed: {@link #match} gives every rule an event satisfies.
 * Immutable; a rule change builds a new engine. Pure: no Kafka types, no clock.
 */
public final class SigmaEngine {
    private final RuleIndex index;
    private final int rules;
    private final List<CorrelationRule> correlations;
    private final List<RuleProblem> problems;
    private final Map<SigmaRule, List<CorrelationRule>> feeds;
    private final Map<SigmaRule, Boolean> standalone;

    private SigmaEngine(RuleIndex index, int rules, List<CorrelationRule> correlations, List<RuleProblem> problems,
                        Map<SigmaRule, List<CorrelationRule>> feeds, Map<SigmaRule, Boolean> standalone) {
        this.index = index;
        this.rules = rules;
        this.correlations = correlations;
        this.problems = problems;
        this.feeds = feeds;
        this.standalone = standalone;
    }

    /**
     * Compiles what {@code parsed} holds. A later rule with the same id replaces an earlier one (a rule
     * from the topic overrides a shipped file of the same id). Rules or correlations that do not compile
     * join the parse problems.
     */
    public static SigmaEngine build(ParseResult parsed) {
        List<RuleProblem> problems = new ArrayList<>(parsed.problems());
        Map<String, SigmaRule> byId = new LinkedHashMap<>();
        parsed.rules().forEach(r -> byId.put(r.id(), r));
        Map<String, CorrelationRule> correlationsById = new LinkedHashMap<>();
        parsed.correlations().forEach(c -> correlationsById.put(c.id(), c));
        correlationsById.keySet().forEach(byId::remove);

        List<CompiledRule> compiled = new ArrayList<>();
        Map<String, SigmaRule> byRef = new HashMap<>();
        for (SigmaRule r : byId.values()) {
            try {
                compiled.add(new CompiledRule(r));
                byRef.put(r.id(), r);
                if (r.name() != null) {
                    byRef.put(r.name(), r);
                }
            } catch (UnsupportedConstruct u) {
                problems.add(new RuleProblem(r.source(), r.id(), u.construct(), u.reason()));
            }
        }
        Map<SigmaRule, List<CorrelationRule>> feeds = new IdentityHashMap<>();
        Map<SigmaRule, Boolean> standalone = new IdentityHashMap<>();
        List<CorrelationRule> live = new ArrayList<>();
        for (CorrelationRule c : correlationsById.values()) {
            List<SigmaRule> referenced = resolve(c, byRef, correlationsById, problems);
            if (referenced == null) {
                continue;
            }
            live.add(c);
            for (SigmaRule r : referenced) {
                feeds.computeIfAbsent(r, k -> new ArrayList<>()).add(c);
                standalone.merge(r, c.generate(), Boolean::logicalOr);
            }
        }
        return new SigmaEngine(new RuleIndex(compiled), compiled.size(), List.copyOf(live), List.copyOf(problems), feeds, standalone);
    }

    /** The rules a correlation counts, or null (and a problem) if one cannot be used. */
    private static List<SigmaRule> resolve(CorrelationRule c, Map<String, SigmaRule> byRef, Map<String, CorrelationRule> correlations,
                                           List<RuleProblem> problems) {
        List<SigmaRule> out = new ArrayList<>();
        for (String ref : c.rules()) {
            SigmaRule r = byRef.get(ref);
            if (r == null) {
                boolean chained = correlations.containsKey(ref) || correlations.values().stream().anyMatch(o -> ref.equals(o.name()));
                problems.add(new RuleProblem(c.source(), c.id(), "correlation.rules: " + ref, chained
                        ? "correlations of correlations are not supported" : "no loaded rule has this id or name"));
                return null;
            }
            out.add(r);
        }
        return out;
    }

    /** Every rule {@code event} satisfies, with the selections that held. */
    public List<RuleMatch> match(EventView event) {
        List<RuleMatch> out = null;
        for (CompiledRule r : index.candidates(event)) {
            if (r.matches(event)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(new RuleMatch(r.rule, r.holding(event), standalone.getOrDefault(r.rule, true), feeds.getOrDefault(r.rule, List.of())));
            }
        }
        return out == null ? List.of() : out;
    }

    public int ruleCount() {
        return rules;
    }

    public List<CorrelationRule> correlations() {
        return correlations;
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    /** Rules tried for every event because they require no exact value (the index cannot help them). */
    public int residualRules() {
        return index.residualSize();
    }

    /** Indexed fields and how many rule entries each holds: what {@code vigil bench sigma} reports. */
    public Map<String, Integer> indexedFields() {
        return index.indexedFields();
    }
}
