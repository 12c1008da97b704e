package io.vigil.collectors.format.vpcflow;

import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.Origin;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Pure mapping from the tokens of one flow log line, in a known layout, to a {@link FlowRecord}:
 * {@code -} is null, addresses are validated and canonical, numbers are range-checked. Numbers are
 * parsed by hand from the line's bytes and enumerations compared there, so a good line costs no
 * exception, no regex and no string but those the record keeps; a bad one throws
 * {@link FlowDecodeException} naming the field.
 */
final class FlowLineParser {
    private static final long MAX_EPOCH_SECONDS = 32_503_680_000L; // year 3000: beyond it a value is not a time

    private FlowLineParser() {}

    static FlowRecord parse(FlowTokens t, FlowLayout layout, Origin origin) throws FlowDecodeException {
        FlowRecord r = new FlowRecord();
        Map<String, String> extra = null;
        int version = layout.version();
        for (int i = 0; i < layout.size(); i++) {
            FlowField field = layout.field(i);
            if (field == null || t.absent(i)) {
                continue;
            }
            switch (field) {
                case VERSION -> version = (int) number(t, i, field, Integer.MAX_VALUE);
                case ACCOUNT_ID -> r.setAccountId(t.text(i));
                case INTERFACE_ID -> r.setInterfaceId(t.text(i));
                case SRCADDR -> r.setSrcaddr(address(t, i, field));
                case DSTADDR -> r.setDstaddr(address(t, i, field));
                case SRCPORT -> r.setSrcport((int) number(t, i, field, 65_535));
                case DSTPORT -> r.setDstport((int) number(t, i, field, 65_535));
                case PROTOCOL -> r.setProtocol((int) number(t, i, field, 255));
                case PACKETS -> r.setPackets(number(t, i, field, Long.MAX_VALUE));
                case BYTES -> r.setBytes(number(t, i, field, Long.MAX_VALUE));
                case START -> r.setStart(Instant.ofEpochSecond(number(t, i, field, MAX_EPOCH_SECONDS)));
                case END -> r.setEnd(Instant.ofEpochSecond(number(t, i, field, MAX_EPOCH_SECONDS)));
                case ACTION -> r.setAction(oneOf(t, i, field, "ACCEPT", "REJECT"));
                case LOG_STATUS -> r.setLogStatus(oneOf(t, i, field, "OK", "NODATA", "SKIPDATA"));
                case VPC_ID -> r.setVpcId(t.text(i));
                case SUBNET_ID -> r.setSubnetId(t.text(i));
                case INSTANCE_ID -> r.setInstanceId(t.text(i));
                case TCP_FLAGS -> r.setTcpFlags((int) number(t, i, field, 65_535));
                case TYPE -> r.setType(t.text(i));
                case PKT_SRCADDR -> r.setPktSrcaddr(address(t, i, field));
                case PKT_DSTADDR -> r.setPktDstaddr(address(t, i, field));
                case REGION -> r.setRegion(t.text(i));
                case AZ_ID -> r.setAzId(t.text(i));
                case SUBLOCATION_TYPE -> r.setSublocationType(t.text(i));
                case SUBLOCATION_ID -> r.setSublocationId(t.text(i));
                case PKT_SRC_AWS_SERVICE -> r.setPktSrcAwsService(t.text(i));
                case PKT_DST_AWS_SERVICE -> r.setPktDstAwsService(t.text(i));
                case FLOW_DIRECTION -> r.setFlowDirection(t.text(i));
                case TRAFFIC_PATH -> r.setTrafficPath((int) number(t, i, field, 255));
                case REJECT_REASON -> r.setRejectReason(t.text(i));
                case EXTRA -> {
                    if (extra == null) {
                        extra = new HashMap<>();
                    }
                    extra.put(layout.name(i), t.text(i));
                }
            }
        }
        r.setVersion(version);
        r.setExtra(extra == null ? Map.of() : extra);
        r.setOrigin(origin);
        return r;
    }

    /** A non-negative decimal no greater than max, without exceptions on the good path. */
    private static long number(FlowTokens t, int i, FlowField field, long max) throws FlowDecodeException {
        byte[] b = t.bytes();
        int from = t.start(i);
        int to = t.end(i);
        if (to - from > 19) {
            throw badField(field, t.text(i), "a number");
        }
        long v = 0;
        for (int k = from; k < to; k++) {
            int d = b[k] - '0';
            if (d < 0 || d > 9) {
                throw badField(field, t.text(i), "a number");
            }
            v = v * 10 + d;
            if (v < 0 || v > max) {
                throw badField(field, t.text(i), "a number from 0 to " + max);
            }
        }
        return v;
    }

    private static String address(FlowTokens t, int i, FlowField field) throws FlowDecodeException {
        String text = t.text(i);
        String canonical = IpAddresses.canonical(text);
        if (canonical == null) {
            throw badField(field, text, "an IPv4 or IPv6 address");
        }
        return canonical;
    }

    /** The allowed value token i spells, as the constant itself (no string made per line). */
    private static String oneOf(FlowTokens t, int i, FlowField field, String... allowed) throws FlowDecodeException {
        for (String a : allowed) {
            if (t.is(i, a)) {
                return a;
            }
        }
        throw badField(field, t.text(i), String.join(", ", allowed) + " or -");
    }

    private static FlowDecodeException badField(FlowField field, String value, String expected) {
        String shown = value.length() <= 40 ? value : value.substring(0, 40) + "…";
        return new FlowDecodeException("bad_field", "field '" + field.awsName() + "' is '" + shown + "', expected " + expected);
    }
}
