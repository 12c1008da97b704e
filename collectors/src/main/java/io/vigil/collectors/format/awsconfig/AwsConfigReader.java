package io.vigil.collectors.format.awsconfig;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.format.json.Json;
import io.vigil.collectors.format.json.JsonLines;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import io.vigil.collectors.format.ObjectFetcher;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads AWS Config as it is delivered: configuration snapshot and history files
 * ({@code {"fileVersion":..,"configurationItems":[...]}}, streamed item by item so a large file is
 * never held whole), change and oversized-change notifications, single configuration items, the same
 * inside SNS, EventBridge or SQS envelopes and Config rule invocation events, one document per file,
 * several concatenated, or one per line. Each configuration item becomes a {@code config.changes}
 * record keyed by resource type and id; a bad item is dead-lettered and the others still read.
 */
public final class AwsConfigReader implements FormatReader {
    private static final int HEAD = 1 << 16;

    private final Clock clock;
    private final Optional<ObjectFetcher> objects;

    public AwsConfigReader(Clock clock) {
        this(clock, ObjectFetcher.none());
    }

    /** @param objects reads the full item of an oversized change notification from S3; without it the summary is published */
    public AwsConfigReader(Clock clock, Optional<ObjectFetcher> objects) {
        this.clock = clock;
        this.objects = objects;
    }

    @Override
    public Format format() {
        return Format.AWSCONFIG;
    }

    @Override
    public void read(InputStream raw, String source, RecordSink sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, HEAD);
        ConfigMessageHandler handler = new ConfigMessageHandler(source, clock.instant(), sink, objects);
        if (JsonLines.detect(in)) {
            JsonLines.read(in, sink, handler::message);
        } else {
            readDocuments(in, handler, sink);
        }
    }

    /** One or more JSON documents; a top-level {@code configurationItems} array is streamed item by item. */
    private void readDocuments(InputStream in, ConfigMessageHandler handler, RecordSink sink) throws IOException {
        long[] index = {0};
        try (JsonParser p = Json.MAPPER.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    readObject(p, handler, index);
                } else if (t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        handler.message(p.readValueAsTree(), "record " + ++index[0]);
                    }
                } else {
                    sink.reject(new Rejected("malformed_json", "expected a JSON object or array at the top level", new byte[0],
                            "record " + (index[0] + 1)));
                    return;
                }
            }
        } catch (StreamConstraintsException e) {
            sink.reject(new Rejected("limit_exceeded", "refused by the parser's limits: " + JsonLines.shortMessage(e), new byte[0], "record " + (index[0] + 1)));
        } catch (JsonProcessingException e) {
            sink.reject(new Rejected(JsonLines.reason(e), "JSON cannot be parsed past this point: " + JsonLines.shortMessage(e), new byte[0],
                    "record " + (index[0] + 1)));
        }
    }

    private static void readObject(JsonParser p, ConfigMessageHandler handler, long[] index) throws IOException {
        ObjectNode rest = Json.MAPPER.createObjectNode();
        boolean streamed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("configurationItems") && value == JsonToken.START_ARRAY) {
                streamed = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    handler.item(p.readValueAsTree(), null, null, "record " + ++index[0]);
                }
            } else {
                rest.set(name, p.readValueAsTree());
            }
        }
        if (!streamed) {
            handler.message(rest, "record " + ++index[0]);
        }
    }
}
