package io.vigil.streams.baseline;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The entity's recent conversations, per (peer, service) in at most {@value #WINDOWS} windows of
 * {@link ConnectionWindow}. When all are in use the window with the fewest flows (of those, the one
 * seen longest ago) is reused, so a busy server's one-off clients cannot push out a source that keeps
 * connecting: memory is fixed whatever the number of peers. A source that starts hammering while every
 * window holds a busier conversation is not counted until one frees up (documented limit).
 */
public final class ConnectionWindows {
    static final int WINDOWS = 16;

    private final ConnectionWindow[] windows = new ConnectionWindow[WINDOWS];
    private ConnectionWindow current;

    /** Counts one traffic record, before the profile learns from it (so a new window knows whether its relation was established). */
    void observe(FlowFacts f, long windowMillis, FlowProfile p) {
        int service = Service.of(f.servicePort(), f.protocol(), f.client());
        current = window(f.peerHi(), f.peerLo(), service, f, windowMillis, p);
        current.count(f);
    }

    /** Forgets windows opened before {@code openedBefore}; at event-time points only, like {@link ProbeWindows#prune}. */
    void prune(long openedBefore) {
        for (ConnectionWindow w : windows) {
            if (w != null && w.start < openedBefore) {
                w.used = false;
            }
        }
    }

    /** The window the last traffic record was counted in, or null. */
    public ConnectionWindow current() {
        return current;
    }

    void clearLast() {
        current = null;
    }

    private ConnectionWindow window(long hi, long lo, int service, FlowFacts f, long windowMillis, FlowProfile p) {
        long time = f.time();
        int victim = -1;
        for (int i = 0; i < windows.length; i++) {
            ConnectionWindow w = windows[i];
            if (w != null && w.used && w.peerHi == hi && w.peerLo == lo && w.service == service) {
                if (time - w.start > windowMillis) {
                    w.reset(hi, lo, service, time, p.establishedPeer(f));
                }
                return w;
            }
            if (w != null && w.used && time - w.start > windowMillis) {
                w.used = false;
            }
            if (victim < 0 || better(w, windows[victim])) {
                victim = i;
            }
        }
        if (windows[victim] == null) {
            windows[victim] = new ConnectionWindow();
        }
        windows[victim].reset(hi, lo, service, time, p.establishedPeer(f));
        return windows[victim];
    }

    /** Is {@code a} a better window to reuse than {@code b}: free, else fewer flows, else seen longer ago. */
    private static boolean better(ConnectionWindow a, ConnectionWindow b) {
        boolean aFree = isFree(a);
        boolean bFree = isFree(b);
        if (aFree || bFree) {
            return aFree && !bFree;
        }
        return a.flows < b.flows || a.flows == b.flows && a.last < b.last;
    }

    private static boolean isFree(ConnectionWindow w) {
        return w == null || !w.used;
    }

    /** Every window in use; for the profile view. */
    public List<ConnectionWindow> all() {
        List<ConnectionWindow> out = new ArrayList<>();
        for (ConnectionWindow w : windows) {
            if (!isFree(w)) {
                out.add(w);
            }
        }
        return out;
    }

    void writeTo(ByteBuffer out) {
        int used = 0;
        for (ConnectionWindow w : windows) {
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

    void readFrom(ByteBuffer in) {
        int used = in.get();
        for (int k = 0; k < used; k++) {
            int i = in.get();
            windows[i] = new ConnectionWindow();
            windows[i].readFrom(in);
        }
    }
}
