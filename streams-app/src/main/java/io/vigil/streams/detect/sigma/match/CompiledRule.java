package io.vigil.streams.detect.sigma.match;

import io.vigil.streams.detect.sigma.rule.Condition;
import io.vigil.streams.detect.sigma.rule.SigmaRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rule ready to run: its searches compiled, its condition evaluated over them. */
final class CompiledRule {
    final SigmaRule rule;
    private final Map<String, CompiledSearch> searches = new LinkedHashMap<>();

    CompiledRule(SigmaRule rule) {
        this.rule = rule;
        rule.searches().forEach((name, search) -> searches.put(name, CompiledSearch.of(search)));
    }

    boolean matches(EventView event) {
        return eval(rule.condition(), event);
    }

    /** The search identifiers that hold for this event: what the finding cites as the matched selections. */
    List<String> holding(EventView event) {
        List<String> out = new ArrayList<>();
        searches.forEach((name, s) -> {
            if (s.test(event)) {
                out.add(name);
            }
        });
        return out;
    }

    private boolean eval(Condition c, EventView event) {
        if (c instanceof Condition.Ref r) {
            return searches.get(r.name()).test(event);
        }
        if (c instanceof Condition.Not n) {
            return !eval(n.inner(), event);
        }
        if (c instanceof Condition.And a) {
            for (Condition p : a.parts()) {
                if (!eval(p, event)) {
                    return false;
                }
            }
            return true;
        }
        if (c instanceof Condition.Or o) {
            for (Condition p : o.parts()) {
                if (eval(p, event)) {
                    return true;
                }
            }
            return false;
        }
        Condition.Of of = (Condition.Of) c;
        for (String n : of.names()) {
            boolean hit = searches.get(n).test(event);
            if (hit != of.all()) {
                return hit;
            }
        }
        return of.all();
    }
}
