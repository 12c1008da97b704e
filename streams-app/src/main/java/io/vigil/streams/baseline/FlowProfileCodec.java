package io.vigil.streams.baseline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;

/**
 * The stored form of a {@link FlowProfile}, in parts that change at different rates, each under its own
 * key so a commit writes only what changed: {@code <entity>#profile} (counters, current hour, probe
 * windows, alerts: every record), {@code <entity>#peers} (sketches and service tables: when something
 * new is contacted, or daily) and {@code <entity>#h000} to {@code #h167} (one hour-of-week slot each: once
 * an hour). Compact binary, each value starting with a format version. Kept in streams-app because it is
 * this module's private state (its changelog is internal); a new version must still read the old.
 */
public final class FlowProfileCodec {
    /**
     * 3: the profile part ends with the active hours and the new-peer count, the peers part with the
     * internal peers; 2: the profile part ends with the connection windows. Older parts are still read
     * (what they lack starts empty: time-of-day tracking begins anew).
     */
    static final byte VERSION = 3;
    private static final byte VERSION_1 = 1;
    private static final String PROFILE = "#profile";
    private static final String PEERS = "#peers";
    private static final String HOUR = "#h";

    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    /** The key of an entity's hot part; an entity is in a store if and only if this key is. */
    public static String profileKey(String entity) {
        return entity + PROFILE;
    }

    public static String peersKey(String entity) {
        return entity + PEERS;
    }

    public static String hourKey(String entity, int slot) {
        return entity + HOUR + (char) ('0' + slot / 100) + (char) ('0' + slot / 10 % 10) + (char) ('0' + slot % 10);
    }

    /** The entity of a profile key, or null for another part's key. */
    public static String entityOf(String key) {
        return key.endsWith(PROFILE) ? key.substring(0, key.length() - PROFILE.length()) : null;
    }

    /** Appends the parts of {@code p} changed since the last call and marks them clean. */
    void encodeDirty(FlowProfile p, List<KeyValue<String, byte[]>> out) {
        if ((p.dirty & FlowProfile.DIRTY_PROFILE) != 0) {
            writeProfile(p, begin());
            out.add(KeyValue.pair(profileKey(p.entity), finish()));
        }
        if ((p.dirty & FlowProfile.DIRTY_PEERS) != 0) {
            ByteBuffer b = begin();
            p.peers.writeTo(b);
            p.servicePorts.writeTo(b);
            p.peerServices.writeTo(b);
            p.services.writeTo(b);
            p.internalPeers.writeTo(b);
            out.add(KeyValue.pair(peersKey(p.entity), finish()));
        }
        for (int slot = p.volume.dirtySlot(0); slot >= 0; slot = p.volume.dirtySlot(slot + 1)) {
            p.volume.writeSlot(slot, begin());
            out.add(KeyValue.pair(hourKey(p.entity, slot), finish()));
        }
        p.volume.clean();
        p.dirty = 0;
    }

    /**
     * Rebuilds a profile: {@code get} reads one key, {@code hours} iterates the stored hour slots (keys
     * from {@code hourKey(entity, 0)} to {@code hourKey(entity, 167)}). Missing parts stay empty.
     */
    public static FlowProfile decode(String entity, int knownPeerServices, Function<String, byte[]> get,
                                     Iterator<KeyValue<String, byte[]>> hours) {
        FlowProfile p = new FlowProfile(entity, knownPeerServices);
        byte[] profile = get.apply(profileKey(entity));
        if (profile != null) {
            readProfile(p, open(profile), profile[0]);
        }
        byte[] peers = get.apply(peersKey(entity));
        if (peers != null) {
            ByteBuffer in = open(peers);
            p.peers.readFrom(in);
            p.servicePorts.readFrom(in);
            p.peerServices.readFrom(in);
            p.services.readFrom(in);
            if (peers[0] >= 3) {
                p.internalPeers.readFrom(in);
            }
        }
        while (hours.hasNext()) {
            KeyValue<String, byte[]> kv = hours.next();
            p.volume.readSlot(Integer.parseInt(kv.key.substring(kv.key.length() - 3)), open(kv.value));
        }
        return p;
    }

    private ByteBuffer begin() {
        buffer.clear();
        return buffer.put(VERSION);
    }

    /** The bytes written since {@link #begin}: a fresh array the store may keep. */
    private byte[] finish() {
        byte[] out = new byte[buffer.position()];
        buffer.flip().get(out);
        return out;
    }

    private static ByteBuffer open(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version < VERSION_1 || version > VERSION) {
            throw new IllegalStateException("flow profile part of unknown format version " + version);
        }
        return in;
    }

    private static void writeProfile(FlowProfile p, ByteBuffer out) {
        putString(out, p.entityType);
        putString(out, p.account);
        putString(out, p.interfaceId);
        out.putLong(p.firstSeen).putLong(p.lastSeen).putLong(p.records).putLong(p.rejectedRecords).putLong(p.learnedAt);
        p.volume.writeCurrent(out);
        p.probes.writeTo(out);
        p.alerts.writeTo(out);
        p.connections.writeTo(out);
        p.activity.writeTo(out);
        out.putInt(p.newPeerHour).putInt(p.newPeers).putInt(p.newPeersReported);
    }

    private static void readProfile(FlowProfile p, ByteBuffer in, byte version) {
        p.entityType = getString(in);
        p.account = getString(in);
        p.interfaceId = getString(in);
        p.firstSeen = in.getLong();
        p.lastSeen = in.getLong();
        p.records = in.getLong();
        p.rejectedRecords = in.getLong();
        p.learnedAt = in.getLong();
        p.volume.readCurrent(in);
        p.probes.readFrom(in);
        p.alerts.readFrom(in);
        if (version >= 2) {
            p.connections.readFrom(in);
        }
        if (version >= 3) {
            p.activity.readFrom(in);
            p.newPeerHour = in.getInt();
            p.newPeers = in.getInt();
            p.newPeersReported = in.getInt();
        }
    }

    private static void putString(ByteBuffer out, String s) {
        if (s == null) {
            out.putShort((short) -1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) b.length).put(b);
    }

    private static String getString(ByteBuffer in) {
        int n = in.getShort();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
