package io.vigil.streams.baseline;

import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Reads the fields a flow profile needs straight from a FlowRecord's bytes — Avro single-object encoding
 * written with the current schema — into {@link FlowFacts}, without decoding the record: no record
 * object, no Strings, no Instants, and the fields after the last one needed are not even looked at.
 *
 * <p>Why: decoding every field of every record costs more than everything the detectors do. The field
 * layout is derived from the schema at start-up, so a schema change that keeps the needed fields'
 * types keeps this working; bytes of any other schema or wire format are refused ({@link #fill} returns
 * false) and the caller decodes them the ordinary way.
 */
public final class FlowRecordBytes {
    private static final int SKIP = 0;
    private static final int INT = 1;
    private static final int LONG = 2;
    private static final int STRING = 3;
    private static final List<String> NEEDED = List.of("account_id", "interface_id", "instance_id", "srcaddr", "dstaddr", "action",
            "log_status", "flow_direction", "srcport", "dstport", "protocol", "bytes", "packets", "start");

    private final byte[] header;
    /** Per field up to the last needed one: bit 8 set for a ["null", T] union, T's kind in bits 4-7, the target in bits 0-3. */
    private final int[] program;
    /** Where the last {@link #readLong} stopped: the reader is per processor, never shared between threads. */
    private int next;

    public FlowRecordBytes() {
        this.header = currentHeader();
        this.program = compile(FlowRecord.getClassSchema());
    }

    /** Fills the record fields of {@code f} from {@code bytes}; false (nothing read) if they are not the current schema. */
    public boolean fill(byte[] bytes, FlowFacts f) {
        if (program == null || !startsWithHeader(bytes)) {
            return false;
        }
        f.hasSrcPort = false;
        f.hasStart = false;
        f.dstPort = 0;
        f.protocol = -1;
        f.bytes = 0;
        f.packets = 0;
        int at = header.length;
        for (int op : program) {
            boolean present = true;
            if ((op & 0x100) != 0) {
                long branch = readLong(bytes, at);
                at = next;
                present = branch == 1;
            }
            int kind = op >>> 4 & 0xF;
            int target = op & 0xF;
            if (!present) {
                if (kind == STRING && target != 0xF) {
                    text(f, target).set((String) null);
                }
                continue;
            }
            if (kind == STRING) {
                int length = (int) readLong(bytes, at);
                at = next;
                if (target != 0xF) {
                    text(f, target).set(bytes, at, length);
                }
                at += length;
            } else {
                long value = readLong(bytes, at);
                at = next;
                number(f, target, value);
            }
        }
        return true;
    }

    /** A plain loop: for ten bytes it beats {@code Arrays.equals} and its range checks. */
    private boolean startsWithHeader(byte[] bytes) {
        if (bytes.length < header.length) {
            return false;
        }
        for (int i = 0; i < header.length; i++) {
            if (bytes[i] != header[i]) {
                return false;
            }
        }
        return true;
    }

    /** Avro's zig-zag varint at {@code at}; leaves the position after it in {@link #next}. */
    private long readLong(byte[] b, int at) {
        long raw = 0;
        int shift = 0;
        int i = at;
        while (true) {
            byte x = b[i++];
            raw |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                break;
            }
            shift += 7;
            if (shift > 63) {
                throw new IllegalArgumentException("malformed varint in a flow record");
            }
        }
        next = i;
        return raw >>> 1 ^ -(raw & 1);
    }

    private static Text text(FlowFacts f, int target) {
        return switch (target) {
            case 0 -> f.account;
            case 1 -> f.interfaceId;
            case 2 -> f.instanceId;
            case 3 -> f.srcaddr;
            case 4 -> f.dstaddr;
            case 5 -> f.action;
            case 6 -> f.logStatus;
            default -> f.direction;
        };
    }

    private static void number(FlowFacts f, int target, long value) {
        switch (target) {
            case 8 -> {
                f.srcPort = (int) value;
                f.hasSrcPort = true;
            }
            case 9 -> f.dstPort = (int) value;
            case 10 -> f.protocol = (int) value;
            case 11 -> f.bytes = value;
            case 12 -> f.packets = value;
            case 13 -> {
                f.start = value;
                f.hasStart = true;
            }
            default -> { }
        }
    }

    /** The layout of the schema up to the last needed field, or null when a field has a shape this reader does not know. */
    private static int[] compile(Schema schema) {
        List<Schema.Field> fields = schema.getFields();
        int last = -1;
        for (Schema.Field field : fields) {
            if (NEEDED.contains(field.name())) {
                last = field.pos();
            }
        }
        int[] program = new int[last + 1];
        for (int i = 0; i <= last; i++) {
            Schema.Field field = fields.get(i);
            Schema type = field.schema();
            int union = 0;
            if (type.getType() == Schema.Type.UNION) {
                if (type.getTypes().size() != 2 || type.getTypes().get(0).getType() != Schema.Type.NULL) {
                    return null;
                }
                union = 0x100;
                type = type.getTypes().get(1);
            }
            int kind = switch (type.getType()) {
                case INT -> INT;
                case LONG -> LONG;
                case STRING -> STRING;
                default -> SKIP;
            };
            int target = NEEDED.indexOf(field.name());
            if (kind == SKIP || target >= 0 && (target < 8) != (kind == STRING)) {
                return null;
            }
            program[i] = union | kind << 4 | (target < 0 ? 0xF : target);
        }
        return program;
    }

    /** Marker and schema fingerprint the generated class's own encoder writes. */
    private static byte[] currentHeader() {
        try {
            ByteBuffer encoded = FlowRecord.getEncoder().encode(FlowRecord.newBuilder().setVersion(2)
                    .setOrigin(new Origin("", "", "", Instant.EPOCH)).build());
            return Arrays.copyOf(encoded.array(), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
