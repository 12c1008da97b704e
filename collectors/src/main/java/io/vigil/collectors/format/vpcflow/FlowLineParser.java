package io.vigil.collectors.format.vpcflow;

import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.Origin;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Pure mapping from the tokens of one flow log line, in a known layout, to a {@link FlowRecord}:
 * {@code -} is null, addresses are validated and canonical, numbers are range-checked. Numbers are
 * parsed by hand so a good line costs no exception and no regex; a bad one throws
 * {@link FlowDecodeException} naming the field.
 */
final class FlowLineParser {
    private static final long MAX_EPOCH_SECONDS = 32_503_680_000L; // year 3000: beyond it a value is not a time

    private FlowLineParser() {}

    static FlowRecord parse(String[] tokens, FlowLayout layout, Origin origin) throws FlowDecodeException {
        FlowRecord r = new FlowRecord();
        Map<String, String> extra = null;
        int version = layout.version();
        for (int i = 0; i < layout.size(); i++) {
            FlowField field = layout.field(i);
            String t = tokens[i];
            if (field == null || t.equals("-")) {
                continue;
            }
            switch (field) {
                case VERSION -> version = (int) number(t, field, Integer.MAX_VALUE);
                case ACCOUNT_ID -> r.setAccountId(t);
                case INTERFACE_ID -> r.setInterfaceId(t);
                case SRCADDR -> r.setSrcaddr(address(t, field));
                case DSTADDR -> r.setDstaddr(address(t, field));
                case SRCPORT -> r.setSrcport((int) number(t, field, 65_535));
                case DSTPORT -> r.setDstport((int) number(t, field, 65_535));
                case PROTOCOL -> r.setProtocol((int) number(t, field, 255));
                case PACKETS -> r.setPackets(number(t, field, Long.MAX_VALUE));
                case BYTES -> r.setBytes(number(t, field, Long.MAX_VALUE));
                case START -> r.setStart(Instant.ofEpochSecond(number(t, field, MAX_EPOCH_SECONDS)));
                case END -> r.setEnd(Instant.ofEpochSecond(number(t, field, MAX_EPOCH_SECONDS)));
                case ACTION -> r.setAction(oneOf(t, field, "ACCEPT", "REJECT"));
                case LOG_STATUS -> r.setLogStatus(oneOf(t, field, "OK", "NODATA", "SKIPDATA"));
                case VPC_ID -> r.setVpcId(t);
                case SUBNET_ID -> r.setSubnetId(t);
                case INSTANCE_ID -> r.setInstanceId(t);
                case TCP_FLAGS -> r.setTcpFlags((int) number(t, field, 65_535));
                case TYPE -> r.setType(t);
                case PKT_SRCADDR -> r.setPktSrcaddr(address(t, field));
                case PKT_DSTADDR -> r.setPktDstaddr(address(t, field));
                case REGION -> r.setRegion(t);
                case AZ_ID -> r.setAzId(t);
                case SUBLOCATION_TYPE -> r.setSublocationType(t);
                case SUBLOCATION_ID -> r.setSublocationId(t);
                case PKT_SRC_AWS_SERVICE -> r.setPktSrcAwsService(t);
                case PKT_DST_AWS_SERVICE -> r.setPktDstAwsService(t);
                case FLOW_DIRECTION -> r.setFlowDirection(t);
                case TRAFFIC_PATH -> r.setTrafficPath((int) number(t, field, 255));
                case REJECT_REASON -> r.setRejectReason(t);
                case EXTRA -> {
                    if (extra == null) {
                        extra = new HashMap<>();
                    }
                    extra.put(layout.name(i), t);
                }
            }
        }
        r.setVersion(version);
        r.setExtra(extra == null ? Map.of() : extra);
        r.setOrigin(origin);
        return r;
    }

    /** A non-negative decimal no greater than max, without exceptions on the good path. */
    private static long number(String t, FlowField field, long max) throws FlowDecodeException {
        int n = t.length();
        if (n == 0 || n > 19) {
            throw badField(field, t, "a number");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int d = t.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw badField(field, t, "a number");
            }
            v = v * 10 + d;
            if (v < 0 || v > max) {
                throw badField(field, t, "a number from 0 to " + max);
            }
        }
        return v;
    }

    private static String address(String t, FlowField field) throws FlowDecodeException {
        String canonical = IpAddresses.canonical(t);
        if (canonical == null) {
            throw badField(field, t, "an IPv4 or IPv6 address");
        }
        return canonical;
    }

    private static String oneOf(String t, FlowField field, String... allowed) throws FlowDecodeException {
        for (String a : allowed) {
            if (a.equals(t)) {
                return a;
            }
        }
        throw badField(field, t, String.join(", ", allowed) + " or -");
    }

    private static FlowDecodeException badField(FlowField field, String value, String expected) {
        String shown = value.length() <= 40 ? value : value.substring(0, 40) + "…";
        return new FlowDecodeException("bad_field", "field '" + field.awsName() + "' is '" + shown + "', expected " + expected);
    }
}
