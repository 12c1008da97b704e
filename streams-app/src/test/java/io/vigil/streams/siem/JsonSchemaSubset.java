package io.vigil.streams.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.streams.baseline.Addresses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validator for the subset of JSON Schema the OCSF test data uses, so the test needs no schema
 * library: {@code $ref} (within a document or to another one beside it, {@code file#/$defs/name}),
 * {@code type}, {@code enum}, {@code minimum}, {@code maximum}, {@code minLength}, {@code format: ip},
 * {@code required}, {@code properties}, {@code additionalProperties: false}, {@code items},
 * {@code minItems} and {@code anyOf}. A schema using any other keyword is refused, so nothing is
 * silently left unchecked.
 */
final class JsonSchemaSubset {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ANNOTATIONS = Set.of("$comment", "$defs", "description");
    private static final Set<String> KEYWORDS = Set.of("$ref", "type", "enum", "minimum", "maximum", "minLength", "format",
            "required", "properties", "additionalProperties", "items", "minItems", "anyOf");

    private final String folder;
    private final Map<String, JsonNode> documents = new HashMap<>();

    /** Schemas are read from the class path under {@code folder}, e.g. {@code ocsf}. */
    JsonSchemaSubset(String folder) {
        this.folder = folder;
    }

    /** Every violation of {@code schemaFile} by {@code instance}, as {@code /json/pointer: what}; empty when valid. */
    List<String> validate(JsonNode instance, String schemaFile) {
        List<String> errors = new ArrayList<>();
        check(instance, document(schemaFile), schemaFile, "", errors);
        return errors;
    }

    /** As {@link #validate(JsonNode, String)} for a schema given inline; its $refs must name a file. */
    List<String> validate(JsonNode instance, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(instance, schema, "(inline schema)", "", errors);
        return errors;
    }

    private void check(JsonNode value, JsonNode schema, String file, String path, List<String> errors) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!KEYWORDS.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                throw new IllegalArgumentException(file + ": keyword '" + keyword + "' is not supported by this validator");
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash > 0 ? ref.substring(0, hash) : file;
            JsonNode resolved = document(target).at(ref.substring(hash + 1));
            if (resolved.isMissingNode()) {
                throw new IllegalArgumentException(file + ": unresolved $ref " + ref);
            }
            check(value, resolved, target, path, errors);
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            errors.add(at(path) + ": expected " + schema.get("type").asText() + ", found " + value.getNodeType());
            return;
        }
        scalar(value, schema, path, errors);
        if (value.isObject()) {
            object(value, schema, file, path, errors);
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                errors.add(at(path) + ": expected at least " + schema.get("minItems").asInt() + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.get("items"), file, path + "/" + i, errors);
                }
            }
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode branch : schema.get("anyOf")) {
                List<String> branchErrors = new ArrayList<>();
                check(value, branch, file, path, branchErrors);
                any |= branchErrors.isEmpty();
            }
            if (!any) {
                errors.add(at(path) + ": matches none of " + schema.get("anyOf"));
            }
        }
    }

    private static void scalar(JsonNode value, JsonNode schema, String path, List<String> errors) {
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                errors.add(at(path) + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.asLong() < schema.get("minimum").asLong()) {
            errors.add(at(path) + ": " + value + " is below " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.isNumber() && value.asLong() > schema.get("maximum").asLong()) {
            errors.add(at(path) + ": " + value + " is above " + schema.get("maximum"));
        }
        if (schema.has("minLength") && value.isTextual() && value.asText().length() < schema.get("minLength").asInt()) {
            errors.add(at(path) + ": shorter than " + schema.get("minLength"));
        }
        if (schema.has("format")) {
            if (!"ip".equals(schema.get("format").asText())) {
                throw new IllegalArgumentException("format '" + schema.get("format").asText() + "' is not supported");
            }
            if (value.isTextual() && !Addresses.parse(value.asText(), new long[2])) {
                errors.add(at(path) + ": " + value + " is not an IP address");
            }
        }
    }

    private void object(JsonNode value, JsonNode schema, String file, String path, List<String> errors) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(at(path) + ": required attribute '" + required.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        if (!additional.isMissingNode() && !additional.isBoolean()) {
            throw new IllegalArgumentException(file + ": only additionalProperties true or false is supported");
        }
        boolean closed = additional.isBoolean() && !additional.asBoolean();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), file, path + "/" + field.getKey(), errors);
            } else if (closed) {
                errors.add(at(path) + ": attribute '" + field.getKey() + "' is not in the schema");
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalArgumentException("type '" + type + "' is not supported");
        };
    }

    private static String at(String path) {
        return path.isEmpty() ? "/" : path;
    }

    private JsonNode document(String file) {
        return documents.computeIfAbsent(file, name -> {
            try (InputStream in = JsonSchemaSubset.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema " + folder + "/" + name + " on the class path");
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
