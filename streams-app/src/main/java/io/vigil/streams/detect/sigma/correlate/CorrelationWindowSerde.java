package io.vigil.streams.detect.sigma.correlate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Correlation windows in the state store and its changelog, as JSON: small, readable when restoring by hand. */
public final class CorrelationWindowSerde {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CorrelationWindowSerde() {}

    public static Serde<CorrelationWindow> serde() {
        return Serdes.serdeFrom((topic, w) -> {
            try {
                return w == null ? null : JSON.writeValueAsBytes(w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, CorrelationWindow.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
