package io.vigil.streams.detect.config.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.Finding;
import java.io.IOException;
import java.util.Base64;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * JSON form of an {@link AttributionSignal}: a call as its fields, a finding as its wire-format bytes (base64),
 * so the finding crosses the repartition topic exactly as it is written to {@code findings}.
 */
final class AttributionSignalSerde {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributionSignalSerde() {}

    static Serde<AttributionSignal> serde(Serde<Finding> findings) {
        return Serdes.serdeFrom((topic, s) -> {
            if (s == null) {
                return null;
            }
            try {
                ObjectNode n = JSON.createObjectNode();
                if (s.finding() != null) {
                    n.put("finding", Base64.getEncoder().encodeToString(findings.serializer().serialize(topic, s.finding())));
                } else {
                    n.set("call", JSON.valueToTree(s.call()));
                }
                return JSON.writeValueAsBytes(n);
            } catch (IOException e) {
                throw new SerializationException("cannot write an attribution signal", e);
            }
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                var n = JSON.readTree(bytes);
                if (n.hasNonNull("finding")) {
                    return AttributionSignal.of(findings.deserializer().deserialize(topic, Base64.getDecoder().decode(n.get("finding").asText())));
                }
                return AttributionSignal.of(JSON.treeToValue(n.get("call"), ChangeCall.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new SerializationException("corrupt attribution signal", e);
            }
        });
    }
}
