package io.vigil.streams.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** JSON form of a {@link HostBaseline} in its store and changelog, readable by anyone inspecting the changelog. */
final class HostBaselineSerde {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostBaselineSerde() {}

    static Serde<HostBaseline> serde() {
        return Serdes.serdeFrom((topic, b) -> {
            try {
                return b == null ? null : JSON.writeValueAsBytes(b);
            } catch (IOException e) {
                throw new SerializationException("cannot write a host baseline", e);
            }
        }, (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, HostBaseline.class);
            } catch (IOException e) {
                throw new SerializationException("corrupt host baseline", e);
            }
        });
    }
}
