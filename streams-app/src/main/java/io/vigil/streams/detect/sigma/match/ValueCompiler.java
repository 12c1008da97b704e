package io.vigil.streams.detect.sigma.match;

import io.vigil.streams.baseline.Addresses;
import io.vigil.streams.detect.sigma.rule.FieldTest;
import io.vigil.streams.detect.sigma.rule.Modifier;
import io.vigil.streams.detect.sigma.rule.UnsupportedConstruct;
import io.vigil.streams.detect.sigma.rule.Wildcards;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles a {@link FieldTest}'s values and modifiers into a {@link FieldMatcher}. */
final class ValueCompiler {
    private static final String[] DASHES = {"-", "/", "\u2013", "\u2014", "\u2015"};

    private ValueCompiler() {}

    static FieldMatcher compile(FieldTest t) {
        String expr = t.field() + (t.modifiers().isEmpty() ? "" : "|" + String.join("|", t.modifiers().stream()
                .map(m -> m.name().toLowerCase(Locale.ROOT)).toList()));
        boolean cased = t.has(Modifier.CASED);
        if (t.has(Modifier.EXISTS)) {
            return new FieldMatcher(t.field(), List.of(), false, (Boolean) t.values().get(0), null, false);
        }
        if (t.has(Modifier.FIELDREF)) {
            if (t.values().size() != 1) {
                throw new UnsupportedConstruct(expr, "fieldref takes one field name");
            }
            return new FieldMatcher(t.field(), List.of(), false, null, String.valueOf(t.values().get(0)), cased);
        }
        List<List<TextTest>> values = new ArrayList<>();
        for (Object v : t.values()) {
            values.add(v == null ? null : variants(t, expr, v, cased));
        }
        return new FieldMatcher(t.field(), values, t.has(Modifier.ALL), null, null, cased);
    }

    private static List<TextTest> variants(FieldTest t, String expr, Object value, boolean cased) {
        String s = String.valueOf(value);
        if (t.has(Modifier.RE)) {
            return List.of(regex(t, expr, s));
        }
        if (t.has(Modifier.CIDR)) {
            return List.of(cidr(expr, s));
        }
        for (Modifier m : List.of(Modifier.GT, Modifier.GTE, Modifier.LT, Modifier.LTE)) {
            if (t.has(m)) {
                return List.of(new TextTest.Numeric(m.name().toLowerCase(Locale.ROOT), ((Number) value).doubleValue()));
            }
        }
        boolean encoded = t.has(Modifier.BASE64) || t.has(Modifier.BASE64OFFSET);
        if (encoded && Wildcards.hasWildcard(s)) {
            throw new UnsupportedConstruct(expr + ": " + s, "wildcards cannot be base64-encoded");
        }
        List<TextTest> out = new ArrayList<>();
        for (String literal : expand(t, s)) {
            // Base64 text is case-sensitive by nature: lowering it would match other plaintexts.
            out.add(textTest(t, literal, cased || encoded, !encoded && !(value instanceof String)));
        }
        return out;
    }

    private static Set<String> expand(FieldTest t, String s) {
        Set<String> forms = new LinkedHashSet<>();
        if (t.has(Modifier.WINDASH)) {
            for (String d : DASHES) {
                forms.add(s.replaceAll("(?<!\\S)-", java.util.regex.Matcher.quoteReplacement(d)));
            }
        } else {
            forms.add(s);
        }
        if (t.has(Modifier.BASE64)) {
            Set<String> encoded = new LinkedHashSet<>();
            forms.forEach(f -> encoded.add(Base64.getEncoder().encodeToString(Wildcards.unescape(f).getBytes(StandardCharsets.UTF_8))));
            return encoded;
        }
        if (t.has(Modifier.BASE64OFFSET)) {
            Set<String> encoded = new LinkedHashSet<>();
            forms.forEach(f -> encoded.addAll(base64Offsets(Wildcards.unescape(f))));
            return encoded;
        }
        return forms;
    }

    /**
     * The three encodings of {@code value} at byte offsets 0, 1 and 2 of a longer base64 text, trimmed
     * of the characters that depend on the neighbouring bytes (the usual Sigma base64offset forms).
     */
    static List<String> base64Offsets(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int[] start = {0, 2, 3};
        int[] endTrim = {0, 3, 2};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] padded = new byte[bytes.length + i];
            java.util.Arrays.fill(padded, 0, i, (byte) ' ');
            System.arraycopy(bytes, 0, padded, i, bytes.length);
            String enc = Base64.getEncoder().encodeToString(padded);
            int end = enc.length() - endTrim[(bytes.length + i) % 3];
            out.add(enc.substring(start[i], Math.max(start[i], end)));
        }
        return out;
    }

    private static TextTest textTest(FieldTest t, String value, boolean cased, boolean literalOnly) {
        boolean contains = t.has(Modifier.CONTAINS);
        boolean starts = t.has(Modifier.STARTSWITH);
        boolean ends = t.has(Modifier.ENDSWITH);
        if (!literalOnly && Wildcards.hasWildcard(value)) {
            String glob = (contains || ends ? "*" : "") + value + (contains || starts ? "*" : "");
            if (glob.chars().allMatch(c -> c == '*')) {
                return new TextTest.Any();
            }
            int flags = Pattern.DOTALL | (cased ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return new TextTest.Regex(Pattern.compile(Wildcards.toRegex(glob), flags), true);
        }
        String literal = literalOnly ? value : Wildcards.unescape(value);
        String v = cased ? literal : literal.toLowerCase(Locale.ROOT);
        if (contains) {
            return new TextTest.Contains(v, cased);
        }
        if (starts) {
            return new TextTest.Prefix(v, cased);
        }
        if (ends) {
            return new TextTest.Suffix(v, cased);
        }
        return new TextTest.Exact(v, cased);
    }

    private static TextTest regex(FieldTest t, String expr, String s) {
        int flags = (t.has(Modifier.I) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0) | (t.has(Modifier.M) ? Pattern.MULTILINE : 0)
                | (t.has(Modifier.S) ? Pattern.DOTALL : 0);
        try {
            return new TextTest.Regex(Pattern.compile(s, flags), false);
        } catch (PatternSyntaxException e) {
            throw new UnsupportedConstruct(expr + ": " + s, "not a valid regular expression: " + e.getDescription());
        }
    }

    private static TextTest cidr(String expr, String s) {
        int slash = s.indexOf('/');
        long[] a = new long[2];
        if (slash < 0 || !Addresses.parse(s.substring(0, slash), a)) {
            throw new UnsupportedConstruct(expr + ": " + s, "not a CIDR block");
        }
        int length;
        try {
            length = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new UnsupportedConstruct(expr + ": " + s, "not a CIDR prefix length");
        }
        boolean v4 = Addresses.isV4(a[0], a[1]);
        int bits = v4 ? length + 96 : length;
        if (length < 0 || bits > 128) {
            throw new UnsupportedConstruct(expr + ": " + s, "prefix length out of range");
        }
        return new TextTest.Cidr(a[0], a[1], bits);
    }
}
