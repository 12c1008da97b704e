package io.vigil.collectors.format.vpcflow;

/** Splits a flow log line on runs of spaces and tabs, by hand (no regex, no intermediate lists). */
final class FlowTokens {
    private FlowTokens() {}

    /**
     * Fills {@code out} with the line's tokens.
     *
     * @return the number of tokens; {@code out.length + 1} when there are more than fit, and -1 when
     *     the line holds a character AWS never writes (non-ASCII or control), which would otherwise
     *     slip through text fields unnoticed
     */
    static int split(String line, String[] out) {
        int count = 0;
        int start = -1;
        int n = line.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? line.charAt(i) : ' ';
            if (c == ' ' || c == '\t') {
                if (start >= 0) {
                    if (count == out.length) {
                        return out.length + 1;
                    }
                    out[count++] = line.substring(start, i);
                    start = -1;
                }
            } else if (c < 0x20 || c > 0x7e) {
                return -1;
            } else if (start < 0) {
                start = i;
            }
        }
        return count;
    }
}
