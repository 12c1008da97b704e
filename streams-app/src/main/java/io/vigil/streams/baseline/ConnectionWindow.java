package io.vigil.streams.baseline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Every flow (accepted or refused, probe-like or not) between the entity and one peer on one service
 * (port, protocol, role) in one short event-time window: how many, how many refused, their packets and
 * bytes, and where the first {@value #MAX_REFS} are in the source topic (a finding cites them, with the
 * current record). The counting state of the rate detectors ({@code flow.brute_force}, {@code flow.dos});
 * the same approach as {@link ProbeWindow}: fixed size, reused when it expires.
 */
public final class ConnectionWindow {
    /** Records cited from the window; the current record makes the 20th source of a finding. */
    public static final int MAX_REFS = 19;
    /** Detector bits for {@link #fire}: each detector reports a window once per severity. */
    public static final int BRUTE_FORCE = 1;
    public static final int BRUTE_FORCE_HIGH = 2;
    public static final int DOS = 4;
    public static final int DOS_HIGH = 8;
    private static final int SAME_SOURCE = 1;
    private static final int SAME_INTERFACE = 2;
    private static final int NEAR = 4;

    /** False once the window expired or was freed: the object is kept, only its contents are forgotten. */
    boolean used;
    long peerHi;
    long peerLo;
    int service;
    long start;
    long last;
    int flows;
    int rejects;
    long packets;
    long bytes;
    private int fired;
    private boolean peerKnown;
    private int refs;
    private final int[] refPartition = new int[MAX_REFS];
    private final long[] refOffset = new long[MAX_REFS];
    private final long[] refTime = new long[MAX_REFS];
    private final long[] refSrcHi = new long[MAX_REFS];
    private final long[] refSrcLo = new long[MAX_REFS];
    private final int[] refSrcPort = new int[MAX_REFS];
    private final String[] refInterface = new String[MAX_REFS];

    void reset(long peerHi, long peerLo, int service, long time, boolean peerKnown) {
        this.used = true;
        this.peerHi = peerHi;
        this.peerLo = peerLo;
        this.service = service;
        this.start = time;
        this.last = time;
        this.flows = 0;
        this.rejects = 0;
        this.packets = 0;
        this.bytes = 0;
        this.fired = 0;
        this.peerKnown = peerKnown;
        this.refs = 0;
    }

    void count(FlowFacts f) {
        flows++;
        if (f.rejected()) {
            rejects++;
        }
        packets += Math.max(0, f.packets());
        bytes += Math.max(0, f.bytes());
        last = Math.max(last, f.time());
        if (refs < MAX_REFS) {
            int i = refs++;
            refPartition[i] = f.partition();
            refOffset[i] = f.offset();
            refTime[i] = f.time();
            refSrcHi[i] = f.outbound() ? f.localHi() : f.peerHi();
            refSrcLo[i] = f.outbound() ? f.localLo() : f.peerLo();
            refSrcPort[i] = f.srcPort();
            refInterface[i] = f.interfaceName();
        }
    }

    /** Marks a detector (and severity) as having reported this window; true the first time only. */
    public boolean fire(int detectorBit) {
        boolean first = (fired & detectorBit) == 0;
        fired |= detectorBit;
        return first;
    }

    /** Whether the entity already used this (peer bucket, service) before the window opened: an established relation. */
    public boolean peerKnown() {
        return peerKnown;
    }

    public long peerHi() {
        return peerHi;
    }

    public long peerLo() {
        return peerLo;
    }

    public int service() {
        return service;
    }

    public long start() {
        return start;
    }

    public long last() {
        return last;
    }

    public int flows() {
        return flows;
    }

    public int rejects() {
        return rejects;
    }

    public int accepted() {
        return flows - rejects;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    /** How many records the window cites. */
    public int refs() {
        return refs;
    }

    public int refPartition(int i) {
        return refPartition[i];
    }

    public long refOffset(int i) {
        return refOffset[i];
    }

    public String refRecordId(int i) {
        return FlowFacts.recordId(refInterface[i], refTime[i], refSrcHi[i], refSrcLo[i], refSrcPort[i]);
    }

    void writeTo(ByteBuffer out) {
        out.putLong(peerHi).putLong(peerLo).putInt(service).putLong(start);
        putVar(out, last - start);
        putVar(out, flows);
        putVar(out, rejects);
        putVar(out, packets);
        putVar(out, bytes);
        out.put((byte) fired).put((byte) (peerKnown ? 1 : 0)).put((byte) refs);
        // Compact: most records of a window share the peer's (or the first record's) source address, the
        // first record's interface and partition, and sit a little after it in the topic.
        for (int i = 0; i < refs; i++) {
            long srcHi = i == 0 ? peerHi : refSrcHi[0];
            long srcLo = i == 0 ? peerLo : refSrcLo[0];
            boolean sameSource = refSrcHi[i] == srcHi && refSrcLo[i] == srcLo;
            boolean sameInterface = i > 0 && equal(refInterface[i], refInterface[0]);
            long delta = refOffset[i] - refOffset[0];
            boolean near = i > 0 && refPartition[i] == refPartition[0];
            out.put((byte) ((sameSource ? SAME_SOURCE : 0) | (sameInterface ? SAME_INTERFACE : 0) | (near ? NEAR : 0)));
            if (near) {
                putVar(out, delta);
            } else {
                putVar(out, refPartition[i]);
                putVar(out, refOffset[i]);
            }
            putVar(out, refTime[i] - start);
            putVar(out, refSrcPort[i]);
            if (!sameSource) {
                out.putLong(refSrcHi[i]).putLong(refSrcLo[i]);
            }
            if (!sameInterface) {
                byte[] id = refInterface[i] == null ? new byte[0] : refInterface[i].getBytes(StandardCharsets.UTF_8);
                out.putShort((short) (refInterface[i] == null ? -1 : id.length)).put(id);
            }
        }
    }

    void readFrom(ByteBuffer in) {
        used = true;
        peerHi = in.getLong();
        peerLo = in.getLong();
        service = in.getInt();
        start = in.getLong();
        last = start + getVar(in);
        flows = (int) getVar(in);
        rejects = (int) getVar(in);
        packets = getVar(in);
        bytes = getVar(in);
        fired = in.get();
        peerKnown = in.get() != 0;
        refs = in.get();
        for (int i = 0; i < refs; i++) {
            int flags = in.get();
            if ((flags & NEAR) != 0) {
                refPartition[i] = refPartition[0];
                refOffset[i] = refOffset[0] + getVar(in);
            } else {
                refPartition[i] = (int) getVar(in);
                refOffset[i] = getVar(in);
            }
            refTime[i] = start + getVar(in);
            refSrcPort[i] = (int) getVar(in);
            if ((flags & SAME_SOURCE) != 0) {
                refSrcHi[i] = i == 0 ? peerHi : refSrcHi[0];
                refSrcLo[i] = i == 0 ? peerLo : refSrcLo[0];
            } else {
                refSrcHi[i] = in.getLong();
                refSrcLo[i] = in.getLong();
            }
            if ((flags & SAME_INTERFACE) != 0) {
                refInterface[i] = refInterface[0];
            } else {
                int length = in.getShort();
                byte[] id = new byte[Math.max(0, length)];
                in.get(id);
                refInterface[i] = length < 0 ? null : new String(id, StandardCharsets.UTF_8);
            }
        }
    }

    /** A signed value in 1 to 10 bytes (zigzag, seven bits a byte): most of a window's numbers are small. */
    private static void putVar(ByteBuffer out, long value) {
        long v = value << 1 ^ value >> 63;
        while ((v & ~0x7FL) != 0) {
            out.put((byte) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    private static long getVar(ByteBuffer in) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v >>> 1 ^ -(v & 1);
            }
        }
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
