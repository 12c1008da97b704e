package io.vigil.streams.detect.sigma.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which combinations of modifiers and values make sense; anything else is reported, not guessed at. */
final class ModifierRules {
    private static final Set<Modifier> STRING_OPS = EnumSet.of(Modifier.CONTAINS, Modifier.STARTSWITH, Modifier.ENDSWITH);
    private static final Set<Modifier> NUMERIC = EnumSet.of(Modifier.GT, Modifier.GTE, Modifier.LT, Modifier.LTE);
    private static final Set<Modifier> REGEX_FLAGS = EnumSet.of(Modifier.I, Modifier.M, Modifier.S);

    private ModifierRules() {}

    static void check(String key, List<Modifier> mods, List<Object> values) {
        Set<Modifier> set = mods.isEmpty() ? EnumSet.noneOf(Modifier.class) : EnumSet.copyOf(mods);
        if (set.size() != mods.size()) {
            throw new UnsupportedConstruct(key, "a modifier is repeated");
        }
        long kinds = set.stream().filter(m -> STRING_OPS.contains(m) || NUMERIC.contains(m)
                || m == Modifier.RE || m == Modifier.CIDR || m == Modifier.EXISTS || m == Modifier.FIELDREF).count();
        if (kinds > 1) {
            throw new UnsupportedConstruct(key, "more than one comparison modifier");
        }
        if (!set.contains(Modifier.RE) && set.stream().anyMatch(REGEX_FLAGS::contains)) {
            throw new UnsupportedConstruct(key, "modifiers i, m, s only qualify 're'");
        }
        boolean transform = set.contains(Modifier.BASE64) || set.contains(Modifier.BASE64OFFSET) || set.contains(Modifier.WINDASH);
        if (transform && (set.contains(Modifier.RE) || set.contains(Modifier.CIDR) || set.contains(Modifier.EXISTS)
                || set.contains(Modifier.FIELDREF) || set.stream().anyMatch(NUMERIC::contains))) {
            throw new UnsupportedConstruct(key, "base64/base64offset/windash only combine with plain, contains, startswith, endswith");
        }
        if (set.contains(Modifier.BASE64) && set.contains(Modifier.BASE64OFFSET)) {
            throw new UnsupportedConstruct(key, "base64 and base64offset together");
        }
        if (set.contains(Modifier.EXISTS) && (values.size() != 1 || !(values.get(0) instanceof Boolean))) {
            throw new UnsupportedConstruct(key, "'exists' takes one boolean value");
        }
        boolean needsText = set.contains(Modifier.RE) || set.contains(Modifier.CIDR) || set.contains(Modifier.FIELDREF) || transform
                || set.stream().anyMatch(STRING_OPS::contains);
        if (needsText && values.stream().anyMatch(v -> v == null)) {
            throw new UnsupportedConstruct(key, "null cannot be combined with " + mods);
        }
        if (set.stream().anyMatch(NUMERIC::contains) && !values.stream().allMatch(v -> v instanceof Number)) {
            throw new UnsupportedConstruct(key, "gt/gte/lt/lte take numbers");
        }
    }
}
