package io.vigil.streams.baseline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Probe-like flows (refused, or TCP flows of at most two packets) in one short event-time window: either
 * between the entity and one peer (the distinct targets are service ports: a port scan) or from the
 * entity to one service port (the distinct targets are peers: a host sweep). Distinct targets are kept
 * exactly up to {@value #MAX_TARGETS}, which is more than any threshold needs.
 */
public final class ProbeWindow {
    public static final int MAX_TARGETS = 64;
    /** Detector bits for {@link #fired}: each detector reports a window once. */
    public static final int SCAN = 1;
    public static final int BURST = 2;
    public static final int SWEEP = 4;

    /** False once the window expired: the object is kept for the next window, only its contents are forgotten. */
    boolean used;
    long peerHi;
    long peerLo;
    int service;
    long start;
    long last;
    int probes;
    int rejects;
    int accepted;
    private final int[] targets = new int[MAX_TARGETS];
    private int distinct;
    private int fired;
    private boolean serviceKnown;
    private int firstPartition;
    private long firstOffset;
    /** The first record's id, kept as its parts: building the text for every window would cost more than the window. */
    private String firstInterface;
    private long firstSrcHi;
    private long firstSrcLo;
    private int firstSrcPort;

    void reset(long peerHi, long peerLo, int service, long time, FlowFacts first, boolean serviceKnown) {
        this.used = true;
        this.serviceKnown = serviceKnown;
        this.peerHi = peerHi;
        this.peerLo = peerLo;
        this.service = service;
        this.start = time;
        this.last = time;
        this.probes = 0;
        this.rejects = 0;
        this.accepted = 0;
        this.distinct = 0;
        this.fired = 0;
        this.firstPartition = first.partition();
        this.firstOffset = first.offset();
        this.firstInterface = first.interfaceName();
        this.firstSrcHi = first.outbound() ? first.localHi() : first.peerHi();
        this.firstSrcLo = first.outbound() ? first.localLo() : first.peerLo();
        this.firstSrcPort = first.srcPort();
    }

    void count(FlowFacts f, int target) {
        probes++;
        if (f.rejected()) {
            rejects++;
        } else {
            accepted++;
        }
        last = Math.max(last, f.time());
        for (int i = 0; i < distinct; i++) {
            if (targets[i] == target) {
                return;
            }
        }
        if (distinct < MAX_TARGETS) {
            targets[distinct++] = target;
        }
    }

    /** Marks a detector as having reported this window; true the first time only. */
    public boolean fire(int detector) {
        boolean first = (fired & detector) == 0;
        fired |= detector;
        return first;
    }

    /** Whether the entity already used this window's service when the window opened (sweep windows). */
    public boolean serviceKnown() {
        return serviceKnown;
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

    public int probes() {
        return probes;
    }

    public int rejects() {
        return rejects;
    }

    public int accepted() {
        return accepted;
    }

    public int distinct() {
        return distinct;
    }

    public int target(int i) {
        return targets[i];
    }

    public int firstPartition() {
        return firstPartition;
    }

    public long firstOffset() {
        return firstOffset;
    }

    public String firstRecordId() {
        return FlowFacts.recordId(firstInterface, start, firstSrcHi, firstSrcLo, firstSrcPort);
    }

    void writeTo(ByteBuffer out) {
        out.putLong(peerHi).putLong(peerLo).putInt(service).putLong(start).putLong(last)
                .putInt(probes).putInt(rejects).putInt(accepted).put((byte) fired).put((byte) (serviceKnown ? 1 : 0))
                .putInt(firstPartition).putLong(firstOffset).putLong(firstSrcHi).putLong(firstSrcLo).putInt(firstSrcPort);
        byte[] id = firstInterface == null ? new byte[0] : firstInterface.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) (firstInterface == null ? -1 : id.length)).put(id);
        out.put((byte) distinct);
        for (int i = 0; i < distinct; i++) {
            out.putInt(targets[i]);
        }
    }

    void readFrom(ByteBuffer in) {
        used = true;
        peerHi = in.getLong();
        peerLo = in.getLong();
        service = in.getInt();
        start = in.getLong();
        last = in.getLong();
        probes = in.getInt();
        rejects = in.getInt();
        accepted = in.getInt();
        fired = in.get();
        serviceKnown = in.get() != 0;
        firstPartition = in.getInt();
        firstOffset = in.getLong();
        firstSrcHi = in.getLong();
        firstSrcLo = in.getLong();
        firstSrcPort = in.getInt();
        int length = in.getShort();
        byte[] id = new byte[Math.max(0, length)];
        in.get(id);
        firstInterface = length < 0 ? null : new String(id, StandardCharsets.UTF_8);
        distinct = in.get();
        for (int i = 0; i < distinct; i++) {
            targets[i] = in.getInt();
        }
    }
}
