package io.vigil.schemas.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The two calls of the Confluent Schema Registry REST API that the wire format needs: register a
 * schema under a subject, and fetch a schema by id. Works against Confluent, Apicurio (ccompat API),
 * Redpanda and Karapace. Results are cached: ids are immutable in every such registry.
 */
public final class SchemaRegistryClient {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public int register(String subject, Schema schema) {
        String key = subject + '\n' + schema.toString();
        Integer known = idsBySubjectAndSchema.get(key);
        if (known != null) {
            return known;
        }
        String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int id = call(request, "register " + subject).path("id").asInt(-1);
        if (id < 0) {
            throw new WireFormatException("schema registry answered register " + subject + " without an id");
        }
        idsBySubjectAndSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    public Schema schemaById(int id) {
        Schema known = schemasById.get(id);
        if (known != null) {
            return known;
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("schemas/ids/" + id))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", CONTENT_TYPE)
                .GET()
                .build();
        JsonNode answer = call(request, "fetch schema id " + id);
        String text = answer.path("schema").asText(null);
        if (text == null) {
            throw new WireFormatException("schema registry has no schema text for id " + id);
        }
        Schema schema = new Schema.Parser().parse(text);
        schemasById.put(id, schema);
        return schema;
    }

    private JsonNode call(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new WireFormatException("schema registry refused to " + what + ": HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new WireFormatException("schema registry unreachable at " + base + " (" + what + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WireFormatException("interrupted while trying to " + what, e);
        }
    }
}
