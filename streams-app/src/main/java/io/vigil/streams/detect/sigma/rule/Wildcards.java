package io.vigil.streams.detect.sigma.rule;

import java.util.regex.Pattern;

/**
 * Sigma's string value syntax: {@code *} any run of characters, {@code ?} one character, a backslash
 * escaping either (or itself). Everything else is literal.
 */
public final class Wildcards {
    private Wildcards() {}

    public static boolean hasWildcard(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && isSpecial(value.charAt(i + 1))) {
                i++;
            } else if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /** The value with its escapes removed: for values without wildcards. */
    public static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && isSpecial(value.charAt(i + 1))) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A regex matching the whole of a string that the wildcard value matches. */
    public static String toRegex(String value) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && isSpecial(value.charAt(i + 1))) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(out, literal);
                out.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(out, literal);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder literal) {
        if (!literal.isEmpty()) {
            out.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    private static boolean isSpecial(char c) {
        return c == '*' || c == '?' || c == '\\';
    }
}
