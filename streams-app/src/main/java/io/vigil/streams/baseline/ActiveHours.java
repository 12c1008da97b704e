package io.vigil.streams.baseline;

import java.nio.ByteBuffer;

/**
 * The hours of the week in which an entity has been active (168 bits), for {@code flow.time_of_day}:
 * an hour counts once it closes with at least one flow the entity itself chose to have (see
 * {@link #counts}), so the current hour is always judged against the hours before it. Also the number
 * of such flows in the current hour, the hour tracking began and the last hour reported; 40 bytes.
 */
public final class ActiveHours {
    static final int SLOTS = HourlyVolume.SLOTS;

    private final long[] bits = new long[(SLOTS + 63) / 64];
    private int since = -1;
    private int currentHour = -1;
    private int currentFlows;
    private int alertedHour = -1;

    /**
     * Traffic that shows when the entity works: accepted flows it started, or served to an internal peer.
     * Internet clients and scanners reach a public service at any hour and say nothing about the entity.
     */
    public static boolean counts(FlowFacts f) {
        return !f.rejected() && (f.client() || !f.peerPublic());
    }

    /** Accounts one traffic record of event-time {@code hour}; closing an hour marks it active if it had counted flows. */
    public void observe(int hour, boolean counted) {
        if (since < 0) {
            since = hour;
        }
        if (hour > currentHour) {
            if (currentFlows > 0) {
                set(HourlyVolume.slot(currentHour));
            }
            currentHour = hour;
            currentFlows = 0;
        }
        if (!counted) {
            return;
        }
        if (hour == currentHour) {
            currentFlows++;
        } else {
            set(HourlyVolume.slot(hour));
        }
    }

    private void set(int slot) {
        bits[slot >>> 6] |= 1L << (slot & 63);
    }

    /** Whether the hour-of-week slot (wrapping around the week) closed with activity. */
    public boolean active(int slot) {
        int s = Math.floorMod(slot, SLOTS);
        return (bits[s >>> 6] & 1L << (s & 63)) != 0;
    }

    /** Active slots at this hour of the day, over the seven days. */
    public int daysActiveAt(int hourOfDay) {
        int n = 0;
        for (int d = 0; d < 7; d++) {
            n += active(d * 24 + hourOfDay) ? 1 : 0;
        }
        return n;
    }

    public int activeSlots() {
        int n = 0;
        for (long b : bits) {
            n += Long.bitCount(b);
        }
        return n;
    }

    /** Hours watched since tracking began (a profile restored from an older format starts anew). */
    public int hoursWatched() {
        return since < 0 ? 0 : currentHour - since;
    }

    public int currentHour() {
        return currentHour;
    }

    public int currentFlows() {
        return currentFlows;
    }

    public int alertedHour() {
        return alertedHour;
    }

    public void alerted(int hour) {
        alertedHour = hour;
    }

    void writeTo(ByteBuffer out) {
        for (long b : bits) {
            out.putLong(b);
        }
        out.putInt(since).putInt(currentHour).putInt(currentFlows).putInt(alertedHour);
    }

    void readFrom(ByteBuffer in) {
        for (int i = 0; i < bits.length; i++) {
            bits[i] = in.getLong();
        }
        since = in.getInt();
        currentHour = in.getInt();
        currentFlows = in.getInt();
        alertedHour = in.getInt();
    }
}
