package io.vigil.streams.detect.sigma.rule;

/** A correlation's count condition: every bound given must hold ({@code gt: 100, lte: 200} is a range). */
public record CountCondition(Long gt, Long gte, Long lt, Long lte, Long eq) {

    public boolean test(long n) {
        return (gt == null || n > gt) && (gte == null || n >= gte) && (lt == null || n < lt) && (lte == null || n <= lte)
                && (eq == null || n == eq);
    }

    /** The bounds as text, e.g. {@code >= 5}, for the finding's evidence. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        append(s, ">", gt);
        append(s, ">=", gte);
        append(s, "<", lt);
        append(s, "<=", lte);
        append(s, "=", eq);
        return s.toString();
    }

    private static void append(StringBuilder s, String op, Long v) {
        if (v != null) {
            s.append(s.isEmpty() ? "" : " and ").append(op).append(' ').append(v);
        }
    }
}
