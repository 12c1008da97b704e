package io.vigil.streams.detect.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** JSON form of a {@link HostSoftware} in its store and changelog. */
final class HostSoftwareSerde {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostSoftwareSerde() {}

    static Serde<HostSoftware> serde() {
        return Serdes.serdeFrom((topic, b) -> {
            try {
                return b == null ? null : JSON.writeValueAsBytes(b);
            } catch (IOException e) {
                throw new SerializationException("cannot write a host software baseline", e);
            }
        }, (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, HostSoftware.class);
            } catch (IOException e) {
                throw new SerializationException("corrupt host software baseline", e);
            }
        });
    }
}
