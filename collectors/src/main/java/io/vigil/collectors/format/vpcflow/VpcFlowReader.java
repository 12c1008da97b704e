package io.vigil.collectors.format.vpcflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.collectors.format.json.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Reads AWS VPC flow logs (and transit gateway flow logs) as they reach us: text files as delivered
 * to S3 (default formats v2 to v8 recognised by field count, custom orders announced by header
 * lines, headerless custom orders inferred from token shapes), lines wrapped as {@code {"message":...}}
 * by log shippers, and CloudWatch Logs subscription payloads ({@code logEvents}, also inside the
 * base64+gzip {@code awslogs} envelope Lambda receives). Every data line or log event is one record,
 * published or dead-lettered with its reason; headers and blank lines are not records. Years of logs
 * pass through here, so the text path splits and parses by hand.
 */
public final class VpcFlowReader implements FormatReader {
    private static final int HEAD = 1 << 16;
    /** U+FEFF in UTF-8. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final ObjectReader JSON_VALUES = Json.MAPPER.readerFor(JsonNode.class);

    private final Clock clock;

    public VpcFlowReader(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether a line is a flow log header naming a field order (any order, {@code srcaddr} or
     * {@code ${srcaddr}}): lets format detection recognise custom formats by the same rule this reader uses.
     */
    public static boolean isHeaderLine(String line) {
        String[] tokens = new String[64];
        int count = FlowTokens.split(line, tokens);
        return count > 0 && count <= tokens.length && FlowLayout.fromHeader(tokens, count) != null;
    }

    @Override
    public Format format() {
        return Format.VPCFLOW;
    }

    @Override
    public void read(InputStream raw, String source, RecordSink sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, HEAD);
        FlowLineDecoder lines = new FlowLineDecoder(source, clock.instant(), sink);
        if (isJsonDocument(in)) {
            readDocument(in, lines, sink);
        } else {
            readLines(in, lines, sink);
        }
    }

    /** A JSON document spread over lines (a saved Lambda event, a pretty-printed payload), not JSON lines. */
    private static boolean isJsonDocument(BufferedInputStream in) throws IOException {
        in.mark(HEAD);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        String text = new String(head, StandardCharsets.UTF_8);
        int start = firstNonBlank(text);
        if (start < 0 || text.charAt(start) != '{' && text.charAt(start) != '[') {
            return false;
        }
        int nl = text.indexOf('\n', start);
        return nl >= 0 && !isCompleteJson(text.substring(start, nl));
    }

    private static boolean isCompleteJson(String text) {
        try (MappingIterator<JsonNode> values = JSON_VALUES.readValues(text)) {
            while (values.hasNextValue()) {
                values.nextValue();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void readLines(InputStream in, FlowLineDecoder lines, RecordSink sink) throws IOException {
        // Bytes, not text: flow logs are ASCII, and decoding every line to a String first cost more than parsing it.
        // A line with bytes that are not ASCII is refused by the tokenizer: one bad line, not a lost file.
        ByteLines reader = new ByteLines(in, HEAD);
        long n = 0;
        while (reader.next()) {
            byte[] b = reader.bytes();
            int from = reader.start();
            int to = reader.end();
            if (n++ == 0 && startsWithBom(b, from, to)) {
                from += BOM.length;
            }
            int first = firstNonBlank(b, from, to);
            if (first < 0) {
                continue;
            }
            boolean json = b[first] == '{' || b[first] == '[';
            if (!reader.terminated() && sink.tailMayGrow() && !(json && isCompleteJson(new String(b, first, to - first, StandardCharsets.UTF_8)))) {
                // AWS ends every record with a newline: without one, a writer may be half-way through this line.
                sink.heldBack("line " + n, to - from);
                return;
            }
            if (json) {
                readJsonLine(new String(b, from, to - from, StandardCharsets.UTF_8), "line " + n, lines, sink);
            } else {
                lines.decode(b, from, to, "line " + n);
            }
        }
    }

    private static boolean startsWithBom(byte[] b, int from, int to) {
        return to - from >= BOM.length && b[from] == BOM[0] && b[from + 1] == BOM[1] && b[from + 2] == BOM[2];
    }

    /** As {@link #firstNonBlank(String)} on the bytes of a UTF-8 line: spaces, tabs and byte order marks are blank. */
    private static int firstNonBlank(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == ' ' || c == '\t') {
                i++;
            } else if (startsWithBom(b, i, to)) {
                i += BOM.length;
            } else {
                return i;
            }
        }
        return -1;
    }

    private void readJsonLine(String line, String position, FlowLineDecoder lines, RecordSink sink) {
        int k = 0;
        try (MappingIterator<JsonNode> values = JSON_VALUES.readValues(line)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                // Firehose concatenates payloads without a separator: several objects can share a line.
                readJson(value, ++k == 1 ? position : position + " object " + k, lines, sink);
            }
        } catch (IOException e) {
            sink.reject(new Rejected(reasonFor(e), "line is not complete JSON: " + CloudWatchLogs.firstLine(e.getMessage()),
                    bytes(line), k == 0 ? position : position + " object " + (k + 1)));
        }
    }

    private void readDocument(InputStream in, FlowLineDecoder lines, RecordSink sink) throws IOException {
        long k = 0;
        try (MappingIterator<JsonNode> values = JSON_VALUES.readValues(in)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                readJson(value, "record " + ++k, lines, sink);
            }
        } catch (StreamConstraintsException e) {
            sink.reject(new Rejected("limit_exceeded", "refused by the parser's limits: " + CloudWatchLogs.firstLine(e.getMessage()),
                    new byte[0], "record " + (k + 1)));
        } catch (JsonProcessingException e) {
            sink.reject(new Rejected(reasonFor(e), "JSON cannot be parsed past this point: " + CloudWatchLogs.firstLine(e.getMessage()),
                    new byte[0], "record " + (k + 1)));
        }
    }

    /** One JSON value: a wrapped line, a CloudWatch Logs payload, or its awslogs envelope. */
    private void readJson(JsonNode node, String position, FlowLineDecoder lines, RecordSink sink) {
        JsonNode message = node.get("message");
        if (message != null && message.isTextual()) {
            lines.decode(message.asText(), position);
            return;
        }
        JsonNode data = node.path("awslogs").path("data");
        if (data.isTextual()) {
            try {
                readJson(CloudWatchLogs.openEnvelope(data.asText()), position, lines, sink);
            } catch (FlowDecodeException e) {
                sink.reject(new Rejected(e.reason(), e.getMessage(), bytes(node.toString()), position));
            }
            return;
        }
        if ("CONTROL_MESSAGE".equals(node.path("messageType").asText())) {
            return; // CloudWatch's check that the destination is reachable: it carries no log data
        }
        // logEvents in subscription payloads; events in what `aws logs filter-log-events` saves
        JsonNode events = node.has("logEvents") ? node.get("logEvents") : node.get("events");
        if (events != null && events.isArray()) {
            int i = 0;
            for (JsonNode event : events) {
                String at = position + " event " + ++i;
                JsonNode text = event.get("message");
                if (text != null && text.isTextual()) {
                    lines.decode(text.asText(), at);
                } else {
                    sink.reject(new Rejected("unsupported_json", "log event has no message text", bytes(event.toString()), at));
                }
            }
            return;
        }
        sink.reject(new Rejected("unsupported_json", "JSON holds no flow log record (message, logEvents or awslogs.data)",
                bytes(node.toString()), position));
    }

    private static int firstNonBlank(String s) { // \r and \n too: a JSON document's head holds several lines
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\uFEFF') {
                return i;
            }
        }
        return -1;
    }

    private static String reasonFor(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return "limit_exceeded";
        }
        return "malformed_json";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
