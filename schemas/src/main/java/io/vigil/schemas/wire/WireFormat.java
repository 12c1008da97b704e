package io.vigil.schemas.wire;

import org.apache.avro.specific.SpecificRecord;

/**
 * How an Avro record is framed on a Kafka topic. Two implementations: {@link SingleObjectWireFormat}
 * (registry-less default, Avro single-object encoding) and {@link ConfluentWireFormat} (magic byte 0 and
 * a 4-byte schema id from a Schema Registry speaking the Confluent REST API).
 */
public interface WireFormat {

    <T extends SpecificRecord> byte[] encode(String topic, T record);

    /** @throws WireFormatException when the bytes are not a record of this type in this format */
    <T extends SpecificRecord> T decode(String topic, byte[] bytes, Class<T> type);

    /** Short name for config and logs: {@code single-object} or {@code registry}. */
    String name();
}
