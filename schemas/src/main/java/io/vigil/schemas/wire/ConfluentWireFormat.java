package io.vigil.schemas.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Registry mode: the Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary),
 * subjects named by the topic-name strategy ({@code <topic>-value}). Consumers built on Confluent's
 * deserializers read these records unchanged.
 */
public final class ConfluentWireFormat implements WireFormat {
    static {
        AvroTrust.ensure();
    }

    private static final byte MAGIC = 0;
    private final SchemaRegistryClient registry;

    public ConfluentWireFormat(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public <T extends SpecificRecord> byte[] encode(String topic, T record) {
        Schema schema = record.getSchema();
        int id = registry.register(topic + "-value", schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<T>(schema, SpecificData.getForClass(record.getClass())).write(record, encoder);
            encoder.flush();
        } catch (IOException | AvroRuntimeException e) {
            throw new WireFormatException("cannot encode " + schema.getName() + " for " + topic + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public <T extends SpecificRecord> T decode(String topic, byte[] bytes, Class<T> type) {
        if (bytes == null || bytes.length < 5 || bytes[0] != MAGIC) {
            throw new WireFormatException("not in the Confluent wire format (no magic byte 0) on " + topic);
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writer = registry.schemaById(id);
        SpecificData model = SpecificData.getForClass(type);
        Schema reader = model.getSchema(type);
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            return new SpecificDatumReader<T>(writer, reader, model).read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new WireFormatException("corrupt " + type.getSimpleName() + " (schema id " + id + ") on " + topic + ": " + e, e);
        }
    }

    @Override
    public String name() {
        return "registry";
    }
}
