package io.vigil.collectors.format.vpcflow;

import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.Origin;
import io.vigil.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the flow log lines of one input, remembering what earlier lines said about the layout: the
 * last header line wins until the next one; without a header, AWS's default layout for the line's
 * field count, else an order inferred from the tokens (kept for later lines of the same length once
 * a line without {@code -} pinned every position down). Each data line becomes one published record
 * or one rejected one; header lines are not records.
 */
final class FlowLineDecoder {
    private static final int MAX_FIELDS = 63;

    private final String source;
    private final Instant collectedAt;
    private final RecordSink sink;
    private final FlowTokens tokens = new FlowTokens(MAX_FIELDS);
    private final Map<Integer, FlowLayout> inferred = new HashMap<>();
    private FlowLayout announced;

    FlowLineDecoder(String source, Instant collectedAt, RecordSink sink) {
        this.source = source;
        this.collectedAt = collectedAt;
        this.sink = sink;
    }

    /** Reads one log event's message (or a line given as text); {@code position} says where it was. */
    void decode(String text, String position) {
        byte[] b = FlowTokens.ascii(text);
        decode(b, 0, b.length, position, text);
    }

    /** Reads the line {@code b[from, to)} of a text file; {@code position} says where it was. */
    void decode(byte[] b, int from, int to, String position) {
        decode(b, from, to, position, null);
    }

    /** {@code text}: the line as given, when it came as text (its bytes are then only for splitting). */
    private void decode(byte[] b, int from, int to, String position, String text) {
        try {
            int count = tokens.split(b, from, to);
            if (count > 0 && count <= MAX_FIELDS && isLetter(tokens.first(0))) {
                FlowLayout header = FlowLayout.fromHeader(tokens.texts(), count);
                if (header != null) {
                    announced = header;
                    return;
                }
            }
            FlowRecord record = parse(count, new Origin(source, position, Format.VPCFLOW.label(), collectedAt));
            sink.accept(new Collected<>(Topics.FLOWS_RAW, key(record), record, eventTime(record)));
        } catch (FlowDecodeException e) {
            // the line as text: bytes that are not UTF-8 shown as U+FFFD, as a text reader would have read them
            String line = text != null ? text : new String(b, from, to - from, StandardCharsets.UTF_8);
            sink.reject(new Rejected(e.reason(), e.getMessage(), line.getBytes(StandardCharsets.UTF_8), position));
        }
    }

    private FlowRecord parse(int count, Origin origin) throws FlowDecodeException {
        if (count < 0) {
            throw new FlowDecodeException("malformed_line", "line holds non-ASCII or control characters; flow logs are plain ASCII");
        }
        if (count == 0) {
            throw new FlowDecodeException("malformed_line", "empty flow log record");
        }
        if (count > MAX_FIELDS) {
            throw new FlowDecodeException("malformed_line", "more than " + MAX_FIELDS + " fields: not a flow log record");
        }
        if (announced != null) {
            if (count != announced.size()) {
                throw new FlowDecodeException("malformed_line", "line has " + count + " fields, the header line announced " + announced.size());
            }
            return FlowLineParser.parse(tokens, announced, origin);
        }
        FlowLayout layout = inferred.get(count);
        if (layout == null) {
            layout = FlowLayout.defaultFor(count);
        }
        if (layout == null) {
            if (LayoutInference.startsLikeDefault(tokens.texts(), count)) {
                throw new FlowDecodeException("malformed_line", "line has " + count + " fields; AWS's default formats have "
                        + FlowLayout.defaultCounts());
            }
            return parseInferred(count, origin, new FlowDecodeException("unknown_layout",
                    count + " fields in no default order and no header line: the field order cannot be recognised"));
        }
        try {
            return FlowLineParser.parse(tokens, layout, origin);
        } catch (FlowDecodeException e) {
            // A custom order can have a default format's length; its tokens then misfit the default.
            return parseInferred(count, origin, e);
        }
    }

    private FlowRecord parseInferred(int count, Origin origin, FlowDecodeException otherwise) throws FlowDecodeException {
        FlowLayout layout = LayoutInference.infer(tokens.texts(), count);
        if (layout == null) {
            throw otherwise;
        }
        FlowRecord record = FlowLineParser.parse(tokens, layout, origin);
        if (layout.complete()) {
            inferred.put(count, layout);
        }
        return record;
    }

    private static boolean isLetter(byte c) {
        return c >= 'a' && c <= 'z' || c == '$';
    }

    /** The entity a flow is about, so its records share a partition and stay in order. */
    private static String key(FlowRecord r) {
        if (r.getInterfaceId() != null) {
            return r.getInterfaceId();
        }
        if (r.getInstanceId() != null) {
            return r.getInstanceId();
        }
        if (r.getSrcaddr() != null) {
            return r.getSrcaddr();
        }
        return r.getAccountId() != null ? r.getAccountId() : "unknown";
    }

    private Instant eventTime(FlowRecord r) {
        if (r.getStart() != null) {
            return r.getStart();
        }
        return r.getEnd() != null ? r.getEnd() : collectedAt;
    }
}
