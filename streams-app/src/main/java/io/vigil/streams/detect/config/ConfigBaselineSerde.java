package io.vigil.streams.detect.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** JSON form of a {@link ConfigBaseline} in its store and changelog: readable by anyone inspecting the changelog. */
final class ConfigBaselineSerde {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigBaselineSerde() {}

    static Serde<ConfigBaseline> serde() {
        return Serdes.serdeFrom((topic, b) -> {
            try {
                return b == null ? null : JSON.writeValueAsBytes(b);
            } catch (IOException e) {
                throw new SerializationException("cannot write a config baseline", e);
            }
        }, (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, ConfigBaseline.class);
            } catch (IOException e) {
                throw new SerializationException("corrupt config baseline", e);
            }
        });
    }
}
