package io.vigil.streams.baseline;

import java.nio.ByteBuffer;

/**
 * The last few alerts an entity raised, by key, with the event time until which a repeat is
 * suppressed: one finding per entity, cause and window instead of one per flow record.
 */
public final class AlertMemo {
    private static final int SIZE = 8;

    private final long[] keys = new long[SIZE];
    private final long[] until = new long[SIZE];

    /** True (and remembered until {@code time + window}) unless the same key was raised within its window. */
    public boolean first(long key, long time, long window) {
        int oldest = 0;
        for (int i = 0; i < SIZE; i++) {
            if (keys[i] == key && until[i] != 0 && time < until[i]) {
                return false;
            }
            if (until[i] < until[oldest]) {
                oldest = i;
            }
        }
        keys[oldest] = key;
        until[oldest] = time + window;
        return true;
    }

    /** Used entries only, each with its position, so a restored memo replaces the same entries. */
    void writeTo(ByteBuffer out) {
        for (int i = 0; i < SIZE; i++) {
            if (until[i] != 0) {
                out.put((byte) i).putLong(keys[i]).putLong(until[i]);
            }
        }
        out.put((byte) -1);
    }

    void readFrom(ByteBuffer in) {
        for (int i = in.get(); i >= 0; i = in.get()) {
            keys[i] = in.getLong();
            until[i] = in.getLong();
        }
    }
}
