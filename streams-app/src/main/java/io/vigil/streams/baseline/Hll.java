package io.vigil.streams.baseline;

import java.nio.ByteBuffer;

/**
 * A HyperLogLog distinct counter with 256 one-byte registers (about 6.5% standard error) for the
 * distinct peers and distinct service ports of one entity: fixed memory whatever the traffic, cheap to
 * update (one hash, one compare) and to store. Written here rather than taken from a library so the
 * per-entity state stays a few hundred bytes and its serialised form is ours to keep stable.
 */
public final class Hll {
    private static final int P = 8;
    private static final int M = 1 << P;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / M);

    private final byte[] registers = new byte[M];

    /** Adds a hashed item; true if the sketch changed (so the owner knows its state is dirty). */
    public boolean add(long hash) {
        int index = (int) (hash >>> (64 - P));
        byte rank = (byte) (Long.numberOfLeadingZeros(hash << P | (1L << (P - 1))) + 1);
        if (rank > registers[index]) {
            registers[index] = rank;
            return true;
        }
        return false;
    }

    public long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += 1.0 / (1L << r);
            if (r == 0) {
                zeros++;
            }
        }
        double raw = ALPHA * M * M / sum;
        if (raw <= 2.5 * M && zeros > 0) {
            raw = M * Math.log((double) M / zeros);
        }
        return Math.round(raw);
    }

    /** Sparse when mostly empty (index/value pairs), dense otherwise: small entities stay small on disk. */
    void writeTo(ByteBuffer out) {
        int used = 0;
        for (byte r : registers) {
            if (r != 0) {
                used++;
            }
        }
        if (used * 2 < M) {
            out.put((byte) 0).put((byte) used);
            for (int i = 0; i < M; i++) {
                if (registers[i] != 0) {
                    out.put((byte) i).put(registers[i]);
                }
            }
        } else {
            out.put((byte) 1).put(registers);
        }
    }

    void readFrom(ByteBuffer in) {
        if (in.get() == 0) {
            int used = in.get() & 0xFF;
            for (int i = 0; i < used; i++) {
                registers[in.get() & 0xFF] = in.get();
            }
        } else {
            in.get(registers);
        }
    }

    /** Murmur3's 64-bit finaliser: spreads structured keys (addresses, ports) over all bits. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
