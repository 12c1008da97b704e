package io.vigil.schemas.topics;

import io.vigil.schemas.wire.AvroSerde;
import io.vigil.schemas.wire.WireFormat;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the catalogue: its name, value type, partitions and cleanup policy. Keys are always
 * UTF-8 strings (the entity the record is about), so partitioning by key keeps an entity's records in order.
 */
public record TopicSpec<V extends SpecificRecord>(String name, Class<V> valueType, int partitions, Cleanup cleanup, String doc) {

    public TopicSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(valueType);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for " + name);
        }
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    public Serde<V> valueSerde(WireFormat wire) {
        return new AvroSerde<>(valueType, wire);
    }
}
