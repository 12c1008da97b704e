package io.vigil.streams.baseline;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The entity's recent probe-like flows, in at most {@value #PEER_WINDOWS} windows per peer (and role)
 * and {@value #SWEEP_WINDOWS} per service port it probed as a client. When all are in use, the window
 * that saw a probe longest ago is reused: memory is fixed even under a scan from thousands of sources.
 */
public final class ProbeWindows {
    static final int PEER_WINDOWS = 16;
    static final int SWEEP_WINDOWS = 8;

    private final ProbeWindow[] peers = new ProbeWindow[PEER_WINDOWS];
    private final ProbeWindow[] sweeps = new ProbeWindow[SWEEP_WINDOWS];
    private ProbeWindow peerWindow;
    private ProbeWindow sweepWindow;

    /**
     * Counts one probe-like flow in its peer window and, when the entity was the client, its sweep window;
     * {@code serviceKnown}: whether the entity used the record's service before this record.
     */
    void observe(FlowFacts f, long windowMillis, boolean serviceKnown) {
        peerWindow = window(peers, f.peerHi(), f.peerLo(), Service.of(0, 0, f.client()), f, windowMillis, false);
        peerWindow.count(f, f.servicePort());
        sweepWindow = null;
        if (f.client()) {
            sweepWindow = window(sweeps, 0, 0, Service.kind(f.service()), f, windowMillis, serviceKnown);
            sweepWindow.count(f, (int) Hll.mix(f.peerHi() * 31 + f.peerLo()));
        }
    }

    /**
     * Forgets windows opened before {@code openedBefore}: a probe matching one would start it afresh
     * anyway, and a forgotten window is not stored. Called at event-time points only (the first record
     * of each hour), never on a timer, so replays forget the same windows.
     */
    void prune(long openedBefore) {
        prune(peers, openedBefore);
        prune(sweeps, openedBefore);
    }

    private static void prune(ProbeWindow[] windows, long openedBefore) {
        for (ProbeWindow w : windows) {
            if (w != null && w.start < openedBefore) {
                w.used = false;
            }
        }
    }

    /** The peer window the last probe was counted in, or null if the last record was no probe. */
    public ProbeWindow peerWindow() {
        return peerWindow;
    }

    /** The sweep window the last probe was counted in, or null. */
    public ProbeWindow sweepWindow() {
        return sweepWindow;
    }

    /** Forgets which windows the last record touched (it was no probe). */
    void clearLast() {
        peerWindow = null;
        sweepWindow = null;
    }

    /** The window of (hi, lo, service), reset if it expired; windows of others that expired are freed on the way. */
    private static ProbeWindow window(ProbeWindow[] windows, long hi, long lo, int service, FlowFacts f, long windowMillis,
                                      boolean serviceKnown) {
        int victim = -1;
        for (int i = 0; i < windows.length; i++) {
            ProbeWindow w = windows[i];
            boolean same = w != null && w.used && w.peerHi == hi && w.peerLo == lo && w.service == service;
            if (same) {
                if (f.time() - w.start > windowMillis) {
                    w.reset(hi, lo, service, f.time(), f, serviceKnown);
                }
                return w;
            }
            if (w != null && w.used && f.time() - w.start > windowMillis) {
                w.used = false;
            }
            boolean free = w == null || !w.used;
            if (victim < 0 || free && !isFree(windows[victim]) || !free && !isFree(windows[victim]) && w.last < windows[victim].last) {
                victim = i;
            }
        }
        if (windows[victim] == null) {
            windows[victim] = new ProbeWindow();
        }
        windows[victim].reset(hi, lo, service, f.time(), f, serviceKnown);
        return windows[victim];
    }

    private static boolean isFree(ProbeWindow w) {
        return w == null || !w.used;
    }

    /** Every window in use, peers first; for the profile view. */
    public List<ProbeWindow> all() {
        List<ProbeWindow> out = new ArrayList<>();
        for (ProbeWindow w : peers) {
            if (!isFree(w)) {
                out.add(w);
            }
        }
        for (ProbeWindow w : sweeps) {
            if (!isFree(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** True for a window that counts one service port across peers (a sweep), false for a peer window. */
    public boolean isSweep(ProbeWindow w) {
        for (ProbeWindow s : sweeps) {
            if (s == w) {
                return true;
            }
        }
        return false;
    }

    void writeTo(ByteBuffer out) {
        write(peers, out);
        write(sweeps, out);
    }

    void readFrom(ByteBuffer in) {
        read(peers, in);
        read(sweeps, in);
    }

    private static void write(ProbeWindow[] windows, ByteBuffer out) {
        int used = 0;
        for (ProbeWindow w : windows) {
            used += isFree(w) ? 0 : 1;
        }
        out.put((byte) used);
        for (int i = 0; i < windows.length; i++) {
            if (!isFree(windows[i])) {
                out.put((byte) i);
                windows[i].writeTo(out);
            }
        }
    }

    private static void read(ProbeWindow[] windows, ByteBuffer in) {
        int used = in.get();
        for (int k = 0; k < used; k++) {
            // Same positions as before the restart, so the next reuse picks the same window.
            int i = in.get();
            windows[i] = new ProbeWindow();
            windows[i].readFrom(in);
        }
    }
}
