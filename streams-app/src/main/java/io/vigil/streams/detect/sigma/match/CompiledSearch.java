package io.vigil.streams.detect.sigma.match;

import io.vigil.streams.detect.sigma.rule.Search;
import io.vigil.streams.detect.sigma.rule.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A compiled search identifier: alternatives of field-test conjunctions, or keywords over the whole record. */
final class CompiledSearch {
    private final List<List<FieldMatcher>> alternatives;
    private final List<TextTest> keywords;

    private CompiledSearch(List<List<FieldMatcher>> alternatives, List<TextTest> keywords) {
        this.alternatives = alternatives;
        this.keywords = keywords;
    }

    static CompiledSearch of(Search search) {
        if (search instanceof Search.Fields f) {
            List<List<FieldMatcher>> alternatives = new ArrayList<>();
            for (var conjunction : f.alternatives()) {
                alternatives.add(conjunction.stream().map(ValueCompiler::compile).toList());
            }
            return new CompiledSearch(alternatives, List.of());
        }
        List<TextTest> keywords = new ArrayList<>();
        for (String k : ((Search.Keywords) search).values()) {
            // A keyword is found anywhere in the record: an implicit '*' on both sides.
            keywords.add(Wildcards.hasWildcard(k)
                    ? new TextTest.Regex(Pattern.compile(Wildcards.toRegex("*" + k + "*"), Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), true)
                    : new TextTest.Contains(Wildcards.unescape(k).toLowerCase(Locale.ROOT), false));
        }
        return new CompiledSearch(List.of(), keywords);
    }

    boolean test(EventView event) {
        if (!keywords.isEmpty()) {
            String text = event.lowerText();
            for (TextTest k : keywords) {
                if (k.test(text, text)) {
                    return true;
                }
            }
            return false;
        }
        for (List<FieldMatcher> conjunction : alternatives) {
            boolean all = true;
            for (FieldMatcher m : conjunction) {
                if (!m.test(event)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
