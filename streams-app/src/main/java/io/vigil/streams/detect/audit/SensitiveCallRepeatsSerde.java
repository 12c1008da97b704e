package io.vigil.streams.detect.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** JSON form of {@link SensitiveCallRepeats} in its store and changelog: readable by anyone inspecting the changelog. */
final class SensitiveCallRepeatsSerde {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SensitiveCallRepeatsSerde() {}

    static Serde<SensitiveCallRepeats> serde() {
        return Serdes.serdeFrom((topic, r) -> {
            try {
                return r == null ? null : JSON.writeValueAsBytes(r);
            } catch (IOException e) {
                throw new SerializationException("cannot write sensitive call repeats", e);
            }
        }, (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, SensitiveCallRepeats.class);
            } catch (IOException e) {
                throw new SerializationException("corrupt sensitive call repeats", e);
            }
        });
    }
}
