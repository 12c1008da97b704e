package io.vigil.streams.baseline;

import java.nio.charset.StandardCharsets;

/**
 * A string field of a flow record: either a String (a decoded record) or a span of the record's bytes
 * (read straight from the wire), made a String only when something needs one. Comparisons, hashing and
 * address parsing work on the span, so most records never allocate their strings.
 */
public final class Text implements CharSequence {
    private String string;
    private byte[] bytes;
    private int offset;
    private int length;

    void set(String s) {
        string = s;
        bytes = null;
        length = s == null ? 0 : s.length();
    }

    void set(byte[] b, int off, int len) {
        string = null;
        bytes = b;
        offset = off;
        length = len;
    }

    public boolean present() {
        return string != null || bytes != null;
    }

    /** The value, or null when absent; made a String (once) on the first call. */
    public String value() {
        if (string == null && bytes != null) {
            string = new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        return string;
    }

    @Override
    public String toString() {
        return String.valueOf(value());
    }

    /** Equality with an ASCII constant, without allocating. */
    public boolean is(String ascii) {
        if (!present() || length != ascii.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (charAt(i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int length() {
        return length;
    }

    /** The i-th byte as a char: exact for the ASCII of ids and addresses (what this is used for). */
    @Override
    public char charAt(int i) {
        return string != null ? string.charAt(i) : (char) (bytes[offset + i] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return value().subSequence(start, end);
    }
}
