package io.vigil.streams.detect.sigma.match;

import io.vigil.streams.baseline.Addresses;
import java.util.regex.Pattern;

/**
 * One compiled value of a field test, judged against one value of the event as text. Sigma compares
 * case-insensitively unless {@code cased} (or a regex, or base64 text, which are case-sensitive).
 */
sealed interface TextTest {

    /** @param text the value as written in the event; {@code lower} the same in lower case */
    boolean test(String text, String lower);

    record Exact(String value, boolean cased) implements TextTest {
        public boolean test(String text, String lower) {
            return cased ? text.equals(value) : lower.equals(value);
        }
    }

    record Prefix(String value, boolean cased) implements TextTest {
        public boolean test(String text, String lower) {
            return (cased ? text : lower).startsWith(value);
        }
    }

    record Suffix(String value, boolean cased) implements TextTest {
        public boolean test(String text, String lower) {
            return (cased ? text : lower).endsWith(value);
        }
    }

    record Contains(String value, boolean cased) implements TextTest {
        public boolean test(String text, String lower) {
            return (cased ? text : lower).contains(value);
        }
    }

    /** Wildcards, or {@code re}: the pattern decides its own case handling. */
    record Regex(Pattern pattern, boolean whole) implements TextTest {
        public boolean test(String text, String lower) {
            return whole ? pattern.matcher(text).matches() : pattern.matcher(text).find();
        }
    }

    /** Any value at all (the wildcard {@code *} alone). */
    record Any() implements TextTest {
        public boolean test(String text, String lower) {
            return true;
        }
    }

    record Cidr(long netHi, long netLo, int bits) implements TextTest {
        public boolean test(String text, String lower) {
            long[] a = new long[2];
            if (!Addresses.parse(text, a)) {
                return false;
            }
            if (bits <= 64) {
                return bits == 0 || (a[0] ^ netHi) >>> (64 - bits) == 0;
            }
            return a[0] == netHi && (bits == 128 ? a[1] == netLo : (a[1] ^ netLo) >>> (128 - bits) == 0);
        }
    }

    record Numeric(String op, double bound) implements TextTest {
        public boolean test(String text, String lower) {
            double v;
            try {
                v = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return false;
            }
            return switch (op) {
                case "gt" -> v > bound;
                case "gte" -> v >= bound;
                case "lt" -> v < bound;
                default -> v <= bound;
            };
        }
    }
}
