package io.vigil.collectors.format.vpcflow;

import java.nio.charset.StandardCharsets;

/**
 * The tokens of one flow log line, split on runs of spaces and tabs by hand (no regex, no lists):
 * as offsets into the line's bytes, so numbers are parsed and enumerations compared where they lie
 * and only the fields kept as text become strings. Years of logs pass through here: a line of
 * version 2 costs four small strings instead of fourteen. One instance per reader, reused per line.
 */
final class FlowTokens {
    private final int[] starts;
    private final int[] ends;
    /** The last string made for each position: account, interface and addresses repeat from line to line. */
    private final String[] lastText;
    private byte[] line;
    private int count;

    FlowTokens(int capacity) {
        starts = new int[capacity];
        ends = new int[capacity];
        lastText = new String[capacity];
    }

    /**
     * Splits {@code b[from, to)}.
     *
     * @return the number of tokens; capacity + 1 when there are more than fit, and -1 when the line
     *     holds a byte AWS never writes (non-ASCII or control), which would otherwise slip through text
     *     fields unnoticed
     */
    int split(byte[] b, int from, int to) {
        line = b;
        count = 0;
        int start = -1;
        for (int i = from; i <= to; i++) {
            int c = i < to ? b[i] : ' ';
            if (c == ' ' || c == '\t') {
                if (start >= 0) {
                    if (count == starts.length) {
                        return count = starts.length + 1;
                    }
                    starts[count] = start;
                    ends[count++] = i;
                    start = -1;
                }
            } else if (c < 0x20 || c > 0x7e) { // bytes >= 0x80 are negative
                return count = -1;
            } else if (start < 0) {
                start = i;
            }
        }
        return count;
    }

    byte[] bytes() {
        return line;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    byte first(int i) {
        return line[starts[i]];
    }

    /** The token as text (ASCII, so one byte per char); the same string as last time when the token has not changed. */
    String text(int i) {
        String last = lastText[i];
        if (last != null && is(i, last)) {
            return last;
        }
        return lastText[i] = new String(line, starts[i], ends[i] - starts[i], StandardCharsets.ISO_8859_1);
    }

    /** Whether token i is {@code -}, AWS's mark of an absent value. */
    boolean absent(int i) {
        return ends[i] - starts[i] == 1 && line[starts[i]] == '-';
    }

    /** Whether token i is exactly the ASCII text s. */
    boolean is(int i, String s) {
        int n = ends[i] - starts[i];
        if (n != s.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (line[starts[i] + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Every token as a string, for the rare paths that reason on text (header lines, layout inference). */
    String[] texts() {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = text(i);
        }
        return out;
    }

    /**
     * Splits a line given as text into {@code out} (format detection's header check).
     *
     * @return as {@link #split(byte[], int, int)}
     */
    static int split(String line, String[] out) {
        byte[] b = ascii(line);
        FlowTokens t = new FlowTokens(out.length);
        int n = t.split(b, 0, b.length);
        for (int i = 0; i < n && i < out.length; i++) {
            out[i] = t.text(i);
        }
        return n;
    }

    /** The text as bytes to split: ASCII as is, any other char as a byte split refuses (0x80) at the same place. */
    static byte[] ascii(String text) {
        byte[] b = new byte[text.length()];
        for (int i = 0; i < b.length; i++) {
            char c = text.charAt(i);
            b[i] = c < 0x80 ? (byte) c : (byte) 0x80;
        }
        return b;
    }
}
