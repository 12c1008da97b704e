package io.vigil.collectors.format.vpcflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines in place, with the terminators {@link java.io.BufferedReader#readLine}
 * knows ({@code \n}, {@code \r}, {@code \r\n}), without decoding it to text first: flow logs are
 * ASCII, so the parser reads the bytes themselves. A line longer than the buffer grows it.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean skipLineFeed;
    private int start;
    private int end;
    private boolean terminated;

    ByteLines(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        if (skipLineFeed) { // the last line ended with CR: an LF right after it belongs to that terminator
            if (pos == limit && !fill()) {
                return false;
            }
            if (buf[pos] == '\n') {
                pos++;
            }
            skipLineFeed = false;
        }
        int i = pos;
        while (true) {
            for (; i < limit; i++) {
                byte c = buf[i];
                if (c == '\n' || c == '\r') {
                    start = pos;
                    end = i;
                    pos = i + 1;
                    skipLineFeed = c == '\r';
                    terminated = true;
                    return true;
                }
            }
            int scanned = i - pos;
            if (!fill()) {
                if (limit > pos) { // a last line without terminator
                    start = pos;
                    end = limit;
                    pos = limit;
                    terminated = false;
                    return true;
                }
                return false;
            }
            i = pos + scanned;
        }
    }

    /** Whether the current line ended with a terminator (false only for a last line the stream ends in). */
    boolean terminated() {
        return terminated;
    }

    /** The current line's bytes lie in {@code bytes()[start(), end())}; valid until the next call. */
    byte[] bytes() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** Reads more after what is pending, moving the pending bytes to the front (or growing for a long line). */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
            eof = true;
            return false;
        }
        limit += r;
        return true;
    }
}
