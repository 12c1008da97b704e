package io.vigil.streams.baseline;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Bytes an entity sent to public addresses, per event-time hour: the running total of the current hour
 * with its top destinations, and the totals of the last {@value #WEEKS} weeks for each of the 168 hours
 * of the week. Totals are kept on a log scale in two bytes (0.3% resolution), so the history is a fixed
 * 1.7 KB per entity; it changes once an hour, which is why it is stored apart from the hot part.
 *
 * <p>The baseline for an hour is the median and MAD of the same hour of the week when it has enough
 * weeks, else of the same hour of the day, else of every hour: a young entity is still judged, and the
 * evidence says which comparison was made.
 */
public final class HourlyVolume {
    public static final int WEEKS = 4;
    static final int SLOTS = 168;
    /** Destinations tracked per hour. */
    public static final int TOP = 4;
    private static final int MIN_SAME_HOUR = 3;
    private static final int MIN_ANY_HOUR = 12;
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private final short[] totals = new short[SLOTS * WEEKS];
    private final byte[] samples = new byte[SLOTS];
    private final byte[] next = new byte[SLOTS];
    private int currentHour = -1;
    private long currentBytes;
    private int alertedHour = -1;
    private final long[] topHi = new long[TOP];
    private final long[] topLo = new long[TOP];
    private final long[] topBytes = new long[TOP];
    private final int[] topService = new int[TOP];

    private final long[] dirtySlots = new long[(SLOTS + 63) / 64];
    private int baselineHour = -1;
    private Baseline baseline;

    /** What an hour was compared with; not {@code sufficient} when the entity has too few closed hours. */
    public record Baseline(String scope, RobustStats stats, boolean sufficient) {}

    /**
     * Accounts one record of event-time {@code hour}: moves to a later hour (closing the previous ones,
     * hours without records count as zero), adds late bytes to the previous hour, ignores older ones.
     */
    public void observe(int hour, long publicBytes, long peerHi, long peerLo, int service) {
        if (currentHour < 0) {
            currentHour = hour;
        } else if (hour > currentHour) {
            closeHours(hour);
        }
        if (publicBytes <= 0) {
            return;
        }
        if (hour == currentHour) {
            currentBytes += publicBytes;
            addTop(peerHi, peerLo, service, publicBytes);
        } else if (hour == currentHour - 1 && samples[slot(hour)] > 0) {
            int at = slot(hour) * WEEKS + (next[slot(hour)] + WEEKS - 1) % WEEKS;
            totals[at] = quantise(dequantise(totals[at]) + publicBytes);
            markDirty(slot(hour));
            baselineHour = -1;
        }
    }

    private void closeHours(int hour) {
        int gap = Math.min(hour - currentHour, SLOTS * WEEKS);
        long total = currentBytes;
        for (int h = hour - gap; h < hour; h++) {
            int s = slot(h);
            totals[s * WEEKS + next[s]] = quantise(h == currentHour ? total : 0);
            next[s] = (byte) ((next[s] + 1) % WEEKS);
            samples[s] = (byte) Math.min(WEEKS, samples[s] + 1);
            markDirty(s);
        }
        currentHour = hour;
        currentBytes = 0;
        Arrays.fill(topBytes, 0);
    }

    /** Space-saving top destinations: a new one replaces the smallest and inherits its count. */
    private void addTop(long hi, long lo, int service, long bytes) {
        int smallest = 0;
        for (int i = 0; i < TOP; i++) {
            if (topBytes[i] > 0 && topHi[i] == hi && topLo[i] == lo) {
                topBytes[i] += bytes;
                return;
            }
            if (topBytes[i] < topBytes[smallest]) {
                smallest = i;
            }
        }
        topHi[smallest] = hi;
        topLo[smallest] = lo;
        topService[smallest] = service;
        topBytes[smallest] += bytes;
    }

    /** The baseline for the current hour, computed once per hour and only when asked (it reads closed hours only). */
    public Baseline baseline() {
        if (baselineHour != currentHour) {
            baseline = compute(currentHour);
            baselineHour = currentHour;
        }
        return baseline;
    }

    private Baseline compute(int hour) {
        double[] values = new double[SLOTS * WEEKS];
        int slot = slot(hour);
        int n = collect(slot, values, 0);
        if (n >= MIN_SAME_HOUR) {
            return new Baseline("same hour of week (" + slotName(slot) + ")", RobustStats.of(values, n), true);
        }
        n = 0;
        for (int s = slot % 24; s < SLOTS; s += 24) {
            n = collect(s, values, n);
        }
        if (n >= MIN_SAME_HOUR) {
            return new Baseline("same hour of day (" + String.format("%02d:00 UTC", slot % 24) + ")", RobustStats.of(values, n), true);
        }
        n = 0;
        for (int s = 0; s < SLOTS; s++) {
            n = collect(s, values, n);
        }
        return n >= MIN_ANY_HOUR ? new Baseline("every hour", RobustStats.of(values, n), true)
                : new Baseline("too little history", new RobustStats(n, 0, 0), false);
    }

    private int collect(int slot, double[] values, int n) {
        for (int w = 0; w < samples[slot]; w++) {
            values[n++] = dequantise(totals[slot * WEEKS + w]);
        }
        return n;
    }

    /** Hour of the week, Monday 00:00 UTC = 0 (the epoch began on a Thursday). */
    public static int slot(int epochHour) {
        return Math.floorMod(epochHour + 72, SLOTS);
    }

    public static String slotName(int slot) {
        return DAYS[slot / 24] + String.format(" %02d:00 UTC", slot % 24);
    }

    static short quantise(double bytes) {
        return bytes < 1 ? 0 : (short) (1 + Math.round(Math.log(bytes) / Math.log(2) * 256));
    }

    static double dequantise(short q) {
        return q == 0 ? 0 : Math.pow(2, (q - 1) / 256.0);
    }

    public int currentHour() {
        return currentHour;
    }

    public long currentBytes() {
        return currentBytes;
    }

    public int alertedHour() {
        return alertedHour;
    }

    public void alerted(int hour) {
        alertedHour = hour;
    }

    /** The destination with the most bytes this hour (index into the top list), or -1. */
    public int topDestination() {
        int best = -1;
        for (int i = 0; i < TOP; i++) {
            if (topBytes[i] > 0 && (best < 0 || topBytes[i] > topBytes[best])) {
                best = i;
            }
        }
        return best;
    }

    public long topHi(int i) {
        return topHi[i];
    }

    public long topLo(int i) {
        return topLo[i];
    }

    public long topBytes(int i) {
        return topBytes[i];
    }

    public int topService(int i) {
        return topService[i];
    }

    public int samples(int slot) {
        return samples[slot];
    }

    /** The median of one slot's weeks (0 when empty); for the profile view. */
    public double slotMedian(int slot) {
        double[] values = new double[WEEKS];
        return RobustStats.of(values, collect(slot, values, 0)).median();
    }

    private void markDirty(int slot) {
        dirtySlots[slot >>> 6] |= 1L << slot;
    }

    /** The next slot changed since the last flush at or after {@code from}, or -1; see {@link #clean()}. */
    int dirtySlot(int from) {
        for (int word = from >>> 6; word < dirtySlots.length; word++) {
            long bits = word == from >>> 6 ? dirtySlots[word] & (-1L << from) : dirtySlots[word];
            if (bits != 0) {
                return word * 64 + Long.numberOfTrailingZeros(bits);
            }
        }
        return -1;
    }

    void clean() {
        Arrays.fill(dirtySlots, 0);
    }

    void writeCurrent(ByteBuffer out) {
        out.putInt(currentHour).putLong(currentBytes).putInt(alertedHour);
        for (int i = 0; i < TOP; i++) {
            if (topBytes[i] > 0) {
                out.put((byte) i).putLong(topHi[i]).putLong(topLo[i]).putLong(topBytes[i]).putInt(topService[i]);
            }
        }
        out.put((byte) -1);
    }

    void readCurrent(ByteBuffer in) {
        currentHour = in.getInt();
        currentBytes = in.getLong();
        alertedHour = in.getInt();
        for (int i = in.get(); i >= 0; i = in.get()) {
            topHi[i] = in.getLong();
            topLo[i] = in.getLong();
            topBytes[i] = in.getLong();
            topService[i] = in.getInt();
        }
        baselineHour = -1;
    }

    void writeSlot(int slot, ByteBuffer out) {
        out.put(samples[slot]).put(next[slot]);
        for (int w = 0; w < WEEKS; w++) {
            out.putShort(totals[slot * WEEKS + w]);
        }
    }

    void readSlot(int slot, ByteBuffer in) {
        samples[slot] = in.get();
        next[slot] = in.get();
        for (int w = 0; w < WEEKS; w++) {
            totals[slot * WEEKS + w] = in.getShort();
        }
        baselineHour = -1;
    }
}
