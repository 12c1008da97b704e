package io.vigil.streams.detect.config.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** JSON form of {@link ResourceChanges} in its store and changelog; pending findings as their wire bytes (base64). */
final class ResourceChangesSerde {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourceChangesSerde() {}

    static Serde<ResourceChanges> serde(Serde<Finding> findings) {
        return Serdes.serdeFrom((topic, s) -> {
            if (s == null) {
                return null;
            }
            try {
                ObjectNode n = JSON.createObjectNode();
                n.set("calls", JSON.valueToTree(s.calls()));
                ArrayNode pending = n.putArray("pending");
                s.pending().forEach(f -> pending.add(Base64.getEncoder().encodeToString(findings.serializer().serialize(topic, f))));
                return JSON.writeValueAsBytes(n);
            } catch (IOException e) {
                throw new SerializationException("cannot write resource changes", e);
            }
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                JsonNode n = JSON.readTree(bytes);
                List<ChangeCall> calls = new ArrayList<>();
                for (JsonNode c : n.path("calls")) {
                    calls.add(JSON.treeToValue(c, ChangeCall.class));
                }
                List<Finding> pending = new ArrayList<>();
                for (JsonNode p : n.path("pending")) {
                    pending.add(findings.deserializer().deserialize(topic, Base64.getDecoder().decode(p.asText())));
                }
                return new ResourceChanges(List.copyOf(calls), List.copyOf(pending));
            } catch (IOException | IllegalArgumentException e) {
                throw new SerializationException("corrupt resource changes", e);
            }
        });
    }
}
