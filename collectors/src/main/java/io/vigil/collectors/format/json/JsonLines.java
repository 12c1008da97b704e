package io.vigil.collectors.format.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON lines as log shippers write them (one document per line), shared by the JSON readers: strict
 * UTF-8, one rejection per bad line with its bytes and line number, and reading goes on past it.
 */
public final class JsonLines {
    private static final int HEAD = 1 << 16;

    /** What a reader does with one parsed line. */
    @FunctionalInterface
    public interface LineHandler {
        void line(JsonNode node, String position);
    }

    private JsonLines() {}

    /** The stream holds JSON lines: its first line is one complete object and another object line follows. */
    public static boolean detect(BufferedInputStream in) throws IOException {
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

    /** Parses every non-blank line; a line that is not a JSON object is rejected, the rest still read. */
    public static void read(InputStream in, RecordSink sink, LineHandler handler) throws IOException {
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
                JsonNode node = Json.MAPPER.readTree(line);
                if (node != null && node.isObject()) {
                    handler.line(node, position);
                } else {
                    sink.reject(new Rejected("malformed_json", "line is not a JSON object", line.getBytes(StandardCharsets.UTF_8), position));
                }
            } catch (JsonProcessingException e) {
                sink.reject(new Rejected(reason(e), "line is not JSON: " + shortMessage(e), line.getBytes(StandardCharsets.UTF_8), position));
            }
        }
    }

    /** The dead-letter reason of a parse failure. */
    public static String reason(Exception e) {
        if (e instanceof StreamConstraintsException) {
            return "limit_exceeded";
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("UTF-8") || m.contains("UTF8") ? "invalid_utf8" : "malformed_json";
    }

    /** The first line of a parser's message, cut: enough to explain, never the whole input. */
    public static String shortMessage(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
