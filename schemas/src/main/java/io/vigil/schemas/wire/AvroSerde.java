package io.vigil.schemas.wire;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde for one generated Avro type over a {@link WireFormat}. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final Class<T> type;
    private final WireFormat wire;

    public AvroSerde(Class<T> type, WireFormat wire) {
        this.type = type;
        this.wire = wire;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : wire.encode(topic, value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return wire.decode(topic, bytes, type);
            } catch (WireFormatException e) {
                // Kafka's error handlers (and our dead-letter routing) recognise SerializationException.
                throw new SerializationException(e.getMessage(), e);
            }
        };
    }

    public Class<T> type() {
        return type;
    }
}
