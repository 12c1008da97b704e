package io.vigil.collectors.format.osquery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.format.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Reads osquery result logs (the filesystem logger's JSON lines, snapshot and differential) into host
 * inventory rows: packages (deb, rpm, python, npm, chocolatey, homebrew, ...), listening ports and
 * processes typed, any other table kept by its columns. A broken line is dead-lettered and the
 * lines after it still read.
 */
public final class OsqueryReader implements FormatReader {
    private final Clock clock;

    public OsqueryReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Format format() {
        return Format.OSQUERY;
    }

    @Override
    public void read(InputStream in, String source, RecordSink sink) throws IOException {
        OsqueryResultHandler handler = new OsqueryResultHandler(source, clock.instant(), sink);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
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
                    sink.reject(new Rejected("malformed_json", "line is not a JSON object", bytes(line), position));
                }
            } catch (JsonProcessingException e) {
                String reason = e instanceof StreamConstraintsException ? "limit_exceeded" : "malformed_json";
                sink.reject(new Rejected(reason, "line is not JSON: " + firstLine(e.getMessage()), bytes(line), position));
            }
        }
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
