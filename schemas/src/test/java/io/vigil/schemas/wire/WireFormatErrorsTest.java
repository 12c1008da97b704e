package io.vigil.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Finding;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatErrorsTest {
    private final WireFormat wire = new SingleObjectWireFormat();

    @Test
    void garbageIsRefusedWithAReasonNotAnOutOfMemory() {
        byte[] garbage = new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        assertThatThrownBy(() -> wire.decode("t", garbage, Finding.class)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("t");
        assertThatThrownBy(() -> wire.decode("t", "hello".getBytes(), Finding.class)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("bad header");
    }

    @Test
    void truncatedRecordIsRefused() {
        byte[] whole = wire.encode("t", Samples.all().get(1));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> wire.decode("t", cut, AuditEvent.class)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void serdeTurnsWireErrorsIntoSerializationExceptions() {
        var serde = new AvroSerde<>(Finding.class, wire);
        assertThatThrownBy(() -> serde.deserializer().deserialize("findings", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class);
        assertThat(serde.deserializer().deserialize("findings", null)).isNull();
    }

    @Test
    void registryModeWithoutUrlNamesTheKey() {
        assertThatThrownBy(() -> WireFormats.fromConfig(Map.of(WireFormats.FORMAT, "registry")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WireFormats.REGISTRY_URL);
        assertThatThrownBy(() -> WireFormats.fromConfig(Map.of(WireFormats.FORMAT, "protobuf")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WireFormats.FORMAT);
        assertThat(WireFormats.fromConfig(Map.of()).name()).isEqualTo("single-object");
    }
}
