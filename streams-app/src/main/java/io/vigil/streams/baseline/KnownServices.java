package io.vigil.streams.baseline;

import java.nio.ByteBuffer;

/**
 * A bounded table of what an entity has talked to: (peer bucket, {@link Service}) with the first and
 * last event-time hour each was seen. Open addressing over primitive arrays (no boxing, no per-entry
 * objects); when full, the entry seen longest ago makes room, so memory is fixed while what an entity
 * keeps doing stays known.
 */
public final class KnownServices {
    private static final int PRESENT = 1 << 31;
    private static final int LAST_SEEN_STEP_HOURS = 24;

    private final int capacity;
    private final int mask;
    private final long[] buckets;
    private final int[] services;
    private final int[] firstSeen;
    private final int[] lastSeen;
    private int size;

    public KnownServices(int capacity) {
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
        this.mask = slots - 1;
        this.buckets = new long[slots];
        this.services = new int[slots];
        this.firstSeen = new int[slots];
        this.lastSeen = new int[slots];
    }

    /** The slot of (bucket, service), or -1 when it is not known. */
    public int indexOf(long bucket, int service) {
        for (int i = home(bucket, service); services[i] != 0; i = (i + 1) & mask) {
            if (buckets[i] == bucket && services[i] == (service | PRESENT)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Records one sighting in {@code hour}; true if the table changed (a new entry, or a last-seen hour a
     * day or more later: last-seen is kept to the day, so a busy table is rewritten daily, not hourly).
     */
    public boolean record(long bucket, int service, int hour) {
        int at = indexOf(bucket, service);
        if (at >= 0) {
            if (hour < lastSeen[at] + LAST_SEEN_STEP_HOURS) {
                return false;
            }
            lastSeen[at] = hour;
            return true;
        }
        insert(bucket, service, hour, hour);
        return true;
    }

    void insert(long bucket, int service, int first, int last) {
        if (size == capacity) {
            removeAt(stalest());
        }
        int i = home(bucket, service);
        while (services[i] != 0) {
            i = (i + 1) & mask;
        }
        buckets[i] = bucket;
        services[i] = service | PRESENT;
        firstSeen[i] = first;
        lastSeen[i] = last;
        size++;
    }

    /** How many buckets are known for one service (evidence only: a linear scan). */
    public int bucketsFor(int service) {
        int n = 0;
        for (int i = 0; i <= mask; i++) {
            if (services[i] == (service | PRESENT)) {
                n++;
            }
        }
        return n;
    }

    /** How many entries share one bucket (a linear scan: for rare events only). */
    public int entriesIn(long bucket) {
        int n = 0;
        for (int i = 0; i <= mask; i++) {
            if (services[i] != 0 && buckets[i] == bucket) {
                n++;
            }
        }
        return n;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public int slots() {
        return mask + 1;
    }

    public boolean used(int slot) {
        return services[slot] != 0;
    }

    public long bucket(int slot) {
        return buckets[slot];
    }

    public int service(int slot) {
        return services[slot] & ~PRESENT;
    }

    public int firstSeen(int slot) {
        return firstSeen[slot];
    }

    public int lastSeen(int slot) {
        return lastSeen[slot];
    }

    void writeTo(ByteBuffer out) {
        out.putShort((short) size);
        for (int i = 0; i <= mask; i++) {
            if (services[i] != 0) {
                out.putLong(buckets[i]).putInt(service(i)).putInt(firstSeen[i]).putInt(lastSeen[i]);
            }
        }
    }

    void readFrom(ByteBuffer in) {
        int n = in.getShort() & 0xFFFF;
        for (int k = 0; k < n; k++) {
            insert(in.getLong(), in.getInt(), in.getInt(), in.getInt());
        }
    }

    private int home(long bucket, int service) {
        return (int) Hll.mix(bucket * 31 + service) & mask;
    }

    /**
     * The entry seen longest ago; ties go by first sighting, then by key, never by slot, so a table
     * restored from its changelog (where slots may differ) evicts the same entry as the original.
     */
    private int stalest() {
        int best = -1;
        for (int i = 0; i <= mask; i++) {
            if (services[i] != 0 && (best < 0 || staler(i, best))) {
                best = i;
            }
        }
        return best;
    }

    private boolean staler(int i, int j) {
        if (lastSeen[i] != lastSeen[j]) {
            return lastSeen[i] < lastSeen[j];
        }
        if (firstSeen[i] != firstSeen[j]) {
            return firstSeen[i] < firstSeen[j];
        }
        return buckets[i] != buckets[j] ? buckets[i] < buckets[j] : services[i] < services[j];
    }

    /** Linear-probing delete by backward shift: later entries of the probe run move up, no tombstones. */
    private void removeAt(int hole) {
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            if (services[j] == 0) {
                break;
            }
            int k = home(buckets[j], service(j));
            boolean stays = hole <= j ? hole < k && k <= j : hole < k || k <= j;
            if (!stays) {
                buckets[hole] = buckets[j];
                services[hole] = services[j];
                firstSeen[hole] = firstSeen[j];
                lastSeen[hole] = lastSeen[j];
                hole = j;
            }
        }
        services[hole] = 0;
        size--;
    }
}
