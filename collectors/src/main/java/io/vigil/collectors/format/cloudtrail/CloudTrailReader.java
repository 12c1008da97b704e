package io.vigil.collectors.format.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.format.json.Json;
import io.vigil.collectors.format.json.JsonLines;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Origin;
import io.vigil.schemas.topics.Topics;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Reads CloudTrail as AWS delivers it: {@code {"Records":[...]}} files (S3), a JSON array of events,
 * a single event, an EventBridge envelope ({@code detail}), and JSON lines (one event per line, as
 * log shippers write them). Events are read one at a time so a large delivery file is never held whole.
 */
public final class CloudTrailReader implements FormatReader {
    private final Clock clock;

    public CloudTrailReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Format format() {
        return Format.CLOUDTRAIL;
    }

    @Override
    public void read(InputStream raw, String source, RecordSink sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        if (JsonLines.detect(in)) {
            JsonLines.read(in, sink, (node, position) -> emit(node, position, source, sink));
        } else {
            readDocument(in, source, sink);
        }
    }

    private void readDocument(InputStream in, String source, RecordSink sink) throws IOException {
        long index = 0;
        try (JsonParser p = Json.MAPPER.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                // Either {"Records":[...]} or a single event / EventBridge envelope.
                JsonToken next = p.nextToken();
                if (next == JsonToken.FIELD_NAME && "Records".equals(p.currentName()) && p.nextToken() == JsonToken.START_ARRAY) {
                    index = readArray(p, source, sink);
                    return;
                }
                // Not a Records file: read the rest of this object as one event.
                JsonNode whole = readRestOfObject(p, next);
                index++;
                emit(whole, "record 1", source, sink);
            } else if (t == JsonToken.START_ARRAY) {
                readArray(p, source, sink);
            } else {
                sink.reject(new Rejected("malformed_json", "expected a JSON object or array at the top level", new byte[0], "record 1"));
            }
        } catch (StreamConstraintsException e) {
            sink.reject(new Rejected("limit_exceeded", "refused by the parser's limits: " + JsonLines.shortMessage(e), new byte[0], "record " + (index + 1)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            sink.reject(new Rejected(JsonLines.reason(e), "JSON cannot be parsed past this point: " + JsonLines.shortMessage(e), new byte[0], "record " + (index + 1)));
        }
    }

    /**
     * Every element of an event array is a record: objects are events, anything else is rejected as
     * one record (never skipped silently). A parse failure inside an element ends the document: JSON
     * cannot be resynchronised, so the failure is rejected at the position reached.
     */
    private long readArray(JsonParser p, String source, RecordSink sink) throws IOException {
        long index = 0;
        try {
            for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                index++;
                JsonNode element = p.readValueAsTree();
                if (element != null && element.isObject()) {
                    emit(element, "record " + index, source, sink);
                } else {
                    sink.reject(new Rejected("invalid_event", "array element is not a JSON object", bytes(String.valueOf(element)), "record " + index));
                }
            }
        } catch (StreamConstraintsException e) {
            sink.reject(new Rejected("limit_exceeded", "refused by the parser's limits: " + JsonLines.shortMessage(e), new byte[0], "record " + index));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            sink.reject(new Rejected(JsonLines.reason(e), "JSON cannot be parsed past this point: " + JsonLines.shortMessage(e), new byte[0], "record " + index));
        }
        return index;
    }

    private static JsonNode readRestOfObject(JsonParser p, JsonToken current) throws IOException {
        var node = Json.MAPPER.createObjectNode();
        JsonToken t = current;
        while (t == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            node.set(name, p.readValueAsTree());
            t = p.nextToken();
        }
        return node;
    }

    private void emit(JsonNode node, String position, String source, RecordSink sink) {
        JsonNode event = node;
        if (node != null && node.has("detail") && node.path("detail").has("eventName")) {
            event = node.get("detail"); // EventBridge envelope
        }
        String raw = event == null ? "" : event.toString();
        Origin origin = new Origin(source, position, Format.CLOUDTRAIL.label(), clock.instant());
        try {
            AuditEvent e = CloudTrailNormaliser.normalise(event, raw, origin);
            String key = e.getPrincipalArn() != null ? e.getPrincipalArn() : e.getEventSource();
            sink.accept(new Collected<>(Topics.AUDIT_EVENTS, key, e, e.getEventTime()));
        } catch (IllegalArgumentException | org.apache.avro.AvroRuntimeException ex) {
            sink.reject(new Rejected("invalid_event", "not a CloudTrail event: " + ex.getMessage(), bytes(raw), position));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
