package io.vigil.streams.detect.audit.principal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact, versioned binary form of a {@link PrincipalProfile} for its store and changelog; set order (recency) is kept.
 * Version 2 adds the API call counts and when learning ended; a version 1 profile reads with each known API counted once.
 */
final class PrincipalProfileSerde {
    private static final byte VERSION = 2;

    private PrincipalProfileSerde() {}

    static Serde<PrincipalProfile> serde() {
        return Serdes.serdeFrom((topic, p) -> p == null ? null : write(p), (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    private static byte[] write(PrincipalProfile p) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(256); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(p.firstSeen);
            out.writeLong(p.lastSeen);
            out.writeLong(p.events);
            for (Map<String, Long> m : new Map[] {p.networks, p.agents, p.regions, p.apis, p.apiCalls}) {
                out.writeInt(m.size());
                for (var e : m.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeLong(e.getValue());
                }
            }
            out.writeLong(p.learnedAt == null ? Long.MIN_VALUE : p.learnedAt);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrincipalProfile read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != 1 && version != VERSION) {
                throw new SerializationException("principal profile of unknown layout version " + version);
            }
            PrincipalProfile p = new PrincipalProfile();
            p.firstSeen = in.readLong();
            p.lastSeen = in.readLong();
            p.events = in.readLong();
            Map<String, Long>[] maps = version == 1 ? new Map[] {p.networks, p.agents, p.regions, p.apis}
                    : new Map[] {p.networks, p.agents, p.regions, p.apis, p.apiCalls};
            for (Map<String, Long> m : maps) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    m.put(in.readUTF(), in.readLong());
                }
            }
            if (version == 1) {
                p.apis.keySet().forEach(api -> p.apiCalls.put(api, 1L));
            } else {
                long learned = in.readLong();
                p.learnedAt = learned == Long.MIN_VALUE ? null : learned;
            }
            return p;
        } catch (IOException e) {
            throw new SerializationException("corrupt principal profile", e);
        }
    }
}
