package io.vigil.streams.detect.audit.burst;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of an {@link ActivityWindow} for its RocksDB store and changelog. Versioned by
 * a leading byte so the layout can change without losing existing state.
 */
final class ActivityWindowSerde {
    private static final byte VERSION = 2;

    private ActivityWindowSerde() {}

    static Serde<ActivityWindow> serde() {
        Serializer<ActivityWindow> ser = (topic, w) -> w == null ? null : write(w);
        Deserializer<ActivityWindow> de = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(ser, de);
    }

    private static byte[] write(ActivityWindow w) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + w.entries.size() * 96); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(w.maxTimeMillis);
            out.writeByte(w.lastFired.size());
            for (var e : w.lastFired.entrySet()) {
                out.writeByte(e.getKey().ordinal());
                out.writeLong(e.getValue());
            }
            out.writeByte(w.chainsFired.size());
            for (var e : w.chainsFired.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(w.entries.size());
            for (Activity a : w.entries) {
                out.writeLong(a.timeMillis());
                out.writeUTF(a.service());
                out.writeUTF(a.name());
                out.writeBoolean(a.error());
                writeNullable(out, a.subject());
                out.writeUTF(a.topic());
                out.writeInt(a.partition());
                out.writeLong(a.offset());
                out.writeUTF(a.eventId());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ActivityWindow read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != 1 && version != VERSION) {
                throw new SerializationException("activity window of unknown layout version " + version);
            }
            ActivityWindow w = new ActivityWindow();
            w.maxTimeMillis = in.readLong();
            int fired = in.readByte();
            for (int i = 0; i < fired; i++) {
                w.lastFired.put(BurstRule.values()[in.readByte()], in.readLong());
            }
            if (version >= 2) { // version 1 had no attack chains
                int chains = in.readByte();
                for (int i = 0; i < chains; i++) {
                    w.chainsFired.put(in.readUTF(), in.readLong());
                }
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                w.entries.addLast(new Activity(in.readLong(), in.readUTF(), in.readUTF(), in.readBoolean(), readNullable(in), in.readUTF(),
                        in.readInt(), in.readLong(), in.readUTF()));
            }
            return w;
        } catch (IOException e) {
            throw new SerializationException("corrupt activity window", e);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s.length() > 1000 ? s.substring(0, 1000) : s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
