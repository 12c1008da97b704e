package io.vigil.streams.detect.sigma.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a Sigma condition: {@code and}, {@code or}, {@code not}, parentheses, {@code 1 of x*},
 * {@code all of x*}, {@code 1 of them}, {@code all of them}. Precedence (spec): not, then and, then or.
 * Sigma v1 aggregations ({@code | count() ...}), {@code near} and {@code N of} with N other than 1 are
 * rejected with the construct named: a correlation rule expresses them in Sigma v2.
 */
final class ConditionParser {
    private final String text;
    private final List<String> tokens;
    private final Set<String> names;
    private int pos;

    private ConditionParser(String text, Set<String> names) {
        this.text = text;
        this.names = names;
        this.tokens = tokenize(text);
    }

    /** Parses {@code text} over the search identifiers {@code names} (in declaration order). */
    static Condition parse(String text, Set<String> names) {
        if (text.contains("|")) {
            throw new UnsupportedConstruct("condition: " + text, "Sigma v1 aggregation ('|') is not supported; express it as a correlation rule");
        }
        ConditionParser p = new ConditionParser(text, names);
        if (p.tokens.isEmpty()) {
            throw new UnsupportedConstruct("condition: " + text, "empty condition");
        }
        Condition c = p.or();
        if (p.pos < p.tokens.size()) {
            throw new UnsupportedConstruct("condition: " + text, "unexpected '" + p.tokens.get(p.pos) + "'");
        }
        return c;
    }

    private Condition or() {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (peekIs("or")) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>(List.of(not()));
        while (peekIs("and")) {
            pos++;
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    private Condition not() {
        if (peekIs("not")) {
            pos++;
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        String t = next();
        if (t.equals("(")) {
            Condition inner = or();
            if (!")".equals(next())) {
                throw fail("missing ')'");
            }
            return inner;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (peekIs("of")) {
            pos++;
            boolean all;
            if (lower.equals("all")) {
                all = true;
            } else if (lower.equals("1") || lower.equals("any")) {
                all = false;
            } else {
                throw fail("'" + t + " of' is not supported (only '1 of' and 'all of')");
            }
            return of(all, next());
        }
        if (lower.equals("near")) {
            throw fail("'near' is not supported; express it as a temporal correlation rule");
        }
        if (Set.of("and", "or", "not", ")", "of").contains(lower)) {
            throw fail("unexpected '" + t + "'");
        }
        if (!names.contains(t)) {
            throw fail("'" + t + "' is not a search identifier of this rule");
        }
        return new Condition.Ref(t);
    }

    private Condition of(boolean all, String target) {
        List<String> matched = new ArrayList<>();
        if (target.equals("them")) {
            // The spec leaves identifiers starting with '_' out of 'them'.
            names.stream().filter(n -> !n.startsWith("_")).forEach(matched::add);
        } else {
            Pattern glob = Pattern.compile(Wildcards.toRegex(target));
            names.stream().filter(n -> glob.matcher(n).matches()).forEach(matched::add);
        }
        if (matched.isEmpty()) {
            throw fail("'" + target + "' matches no search identifier");
        }
        return new Condition.Of(all, target, List.copyOf(matched));
    }

    private boolean peekIs(String word) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw fail("condition ends too early");
        }
        return tokens.get(pos++);
    }

    private UnsupportedConstruct fail(String reason) {
        return new UnsupportedConstruct("condition: " + text, reason);
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                if (c != ' ' && !Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }
}
