package io.vigil.collectors.format.awsconfig;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.format.json.Json;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

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

    public AwsConfigReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Format format() {
        return Format.AWSCONFIG;
    }

    @Override
    public void read(InputStream raw, String source, RecordSink sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, HEAD);
        ConfigMessageHandler handler = new ConfigMessageHandler(source, clock.instant(), sink);
        if (isJsonLines(in)) {
            readLines(in, handler, sink);
        } else {
            readDocuments(in, handler, sink);
        }
    }

    /** JSON lines: the first line holds one complete object and another object starts on a later line. */
    private static boolean isJsonLines(BufferedInputStream in) throws IOException {
        in.mark(HEAD);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        int nl = text.indexOf('\n');
        if (!text.startsWith("{") || nl < 0 || !text.substring(nl + 1).stripLeading().startsWith("{")) {
            return false;
        }
        try {
            JsonNode first = Json.MAPPER.readTree(text.substring(0, nl));
            return first != null && first.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private void readLines(InputStream in, ConfigMessageHandler handler, RecordSink sink) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), HEAD);
        long n = 0;
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (CharacterCodingException e) {
                // Once the decoder has failed the rest cannot be split into lines reliably.
                sink.reject(new Rejected("invalid_utf8", "input is not valid UTF-8 from line " + (n + 1) + " on", new byte[0], "line " + (n + 1)));
                return;
            }
            if (line == null) {
                return;
            }
            n++;
            if (line.isBlank()) {
                continue;
            }
            String position = "line " + n;
            try {
                handler.message(Json.MAPPER.readTree(line), position);
            } catch (JsonProcessingException e) {
                sink.reject(new Rejected(reasonFor(e), "line is not JSON: " + shortMessage(e), line.getBytes(StandardCharsets.UTF_8), position));
            }
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
            sink.reject(new Rejected("limit_exceeded", "refused by the parser's limits: " + shortMessage(e), new byte[0], "record " + (index[0] + 1)));
        } catch (JsonProcessingException e) {
            sink.reject(new Rejected(reasonFor(e), "JSON cannot be parsed past this point: " + shortMessage(e), new byte[0],
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

    private static String reasonFor(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "limit_exceeded";
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("UTF-8") || m.contains("UTF8") ? "invalid_utf8" : "malformed_json";
    }

    private static String shortMessage(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
