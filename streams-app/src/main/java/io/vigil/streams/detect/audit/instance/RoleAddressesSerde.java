package io.vigil.streams.detect.audit.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** JSON form of {@link RoleAddresses} in its store and changelog: readable by anyone inspecting the changelog. */
final class RoleAddressesSerde {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RoleAddressesSerde() {}

    static Serde<RoleAddresses> serde() {
        return Serdes.serdeFrom((topic, b) -> {
            try {
                return b == null ? null : JSON.writeValueAsBytes(b);
            } catch (IOException e) {
                throw new SerializationException("cannot write instance credential addresses", e);
            }
        }, (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, RoleAddresses.class);
            } catch (IOException e) {
                throw new SerializationException("corrupt instance credential addresses", e);
            }
        });
    }
}
