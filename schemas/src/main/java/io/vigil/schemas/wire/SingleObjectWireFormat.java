package io.vigil.schemas.wire;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Registry-less default: Avro single-object encoding (marker C3 01, 8-byte schema fingerprint, body).
 * Each decoder knows every released schema of its type, so records written before a schema change
 * still decode into the current classes.
 */
public final class SingleObjectWireFormat implements WireFormat {
    static {
        AvroTrust.ensure();
    }

    private final Map<Class<?>, BinaryMessageEncoder<?>> encoders = new ConcurrentHashMap<>();
    private final Map<Class<?>, BinaryMessageDecoder<?>> decoders = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> byte[] encode(String topic, T record) {
        BinaryMessageEncoder<T> encoder = (BinaryMessageEncoder<T>) encoders.computeIfAbsent(record.getClass(),
                c -> new BinaryMessageEncoder<T>(SpecificData.getForClass(c), record.getSchema()));
        try {
            return encoder.encode(record).array();
        } catch (IOException | AvroRuntimeException e) {
            throw new WireFormatException("cannot encode " + record.getSchema().getName() + " for " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> T decode(String topic, byte[] bytes, Class<T> type) {
        BinaryMessageDecoder<T> decoder = (BinaryMessageDecoder<T>) decoders.computeIfAbsent(type, this::decoderFor);
        try {
            return decoder.decode(bytes);
        } catch (BadHeaderException e) {
            throw new WireFormatException("not Avro single-object encoded (bad header) on " + topic, e);
        } catch (MissingSchemaException e) {
            throw new WireFormatException("unknown schema fingerprint on " + topic + ": " + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new WireFormatException("corrupt " + type.getSimpleName() + " on " + topic + ": " + e, e);
        }
    }

    private <T> BinaryMessageDecoder<T> decoderFor(Class<?> type) {
        SpecificData model = SpecificData.getForClass(type);
        Schema current = model.getSchema(type);
        BinaryMessageDecoder<T> decoder = new BinaryMessageDecoder<>(model, current);
        for (Schema released : ReleasedSchemas.of(current.getName())) {
            decoder.addSchema(released);
        }
        return decoder;
    }

    @Override
    public String name() {
        return "single-object";
    }
}
