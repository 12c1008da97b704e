package io.vigil.collectors.format.vpcflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order of the fields in a flow log line: one of AWS's default formats (recognised by field
 * count), the custom order a header line announces, or an order inferred from token shapes.
 * A position whose field is unknown (only in inferred layouts) holds {@code null} and is skipped.
 */
final class FlowLayout {
    private static final List<String> V2 = List.of("version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
            "protocol", "packets", "bytes", "start", "end", "action", "log-status");
    private static final List<String> V3 = List.of("vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr");
    private static final List<String> V4 = List.of("region", "az-id", "sublocation-type", "sublocation-id");
    private static final List<String> V5 = List.of("pkt-src-aws-service", "pkt-dst-aws-service", "flow-direction", "traffic-path");
    private static final List<String> V7 = List.of("ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn",
            "ecs-container-instance-id", "ecs-container-id", "ecs-second-container-id", "ecs-service-name", "ecs-task-definition-arn",
            "ecs-task-arn", "ecs-task-id");
    private static final List<String> V8 = List.of("reject-reason");
    /** Transit gateway flow logs' default format (version 6). */
    private static final List<String> TGW = List.of("version", "resource-type", "account-id", "tgw-id", "tgw-attachment-id",
            "tgw-src-vpc-account-id", "tgw-dst-vpc-account-id", "tgw-src-vpc-id", "tgw-dst-vpc-id", "tgw-src-subnet-id",
            "tgw-dst-subnet-id", "tgw-src-eni", "tgw-dst-eni", "tgw-src-az-id", "tgw-dst-az-id", "tgw-pair-attachment-id", "srcaddr",
            "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "log-status", "type", "packets-lost-no-route",
            "packets-lost-blackhole", "packets-lost-mtu-exceeded", "packets-lost-ttl-expired", "tcp-flags", "region", "flow-direction",
            "pkt-src-aws-service", "pkt-dst-aws-service");

    /** Default layouts indexed by field count; AWS's default formats all differ in length. */
    private static final FlowLayout[] DEFAULTS = new FlowLayout[64];

    static {
        List<List<String>> versions = List.of(V2, V3, V4, V5, V7, V8);
        List<String> names = new ArrayList<>();
        for (List<String> added : versions) {
            names.addAll(added);
            register(of(names.toArray(String[]::new), true));
        }
        register(of(TGW.toArray(String[]::new), true));
    }

    private final String[] names;
    private final FlowField[] fields;
    private final int version;
    private final boolean complete;

    private FlowLayout(String[] names, FlowField[] fields, int version, boolean complete) {
        this.names = names;
        this.fields = fields;
        this.version = version;
        this.complete = complete;
    }

    private static void register(FlowLayout layout) {
        DEFAULTS[layout.size()] = layout;
    }

    /**
     * A layout from AWS field names; {@code null} names mark positions of unknown meaning.
     * @param complete whether every position is known (only complete layouts may be reused)
     */
    static FlowLayout of(String[] names, boolean complete) {
        FlowField[] fields = new FlowField[names.length];
        int version = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                fields[i] = FlowField.named(names[i]);
                version = Math.max(version, FlowField.versionOf(names[i]));
            }
        }
        return new FlowLayout(names, fields, Math.max(version, 2), complete);
    }

    /** The default layout with this many fields, or {@code null}. */
    static FlowLayout defaultFor(int count) {
        return count < DEFAULTS.length ? DEFAULTS[count] : null;
    }

    /** The field counts of the default layouts, for messages. */
    static String defaultCounts() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < DEFAULTS.length; i++) {
            if (DEFAULTS[i] != null) {
                out.append(out.length() == 0 ? "" : ", ").append(i);
            }
        }
        return out.toString();
    }

    /**
     * The layout a header line announces, or {@code null} when the tokens are not a header: every
     * token must look like a field name ({@code srcaddr} or {@code ${srcaddr}}) and at least half of
     * them must be names AWS documents, so a data line of ids can never pass for a header.
     */
    static FlowLayout fromHeader(String[] tokens, int count) {
        String[] names = new String[count];
        int known = 0;
        for (int i = 0; i < count; i++) {
            String name = stripPlaceholder(tokens[i]);
            if (!isFieldName(name)) {
                return null;
            }
            if (FlowField.versionOf(name) > 0) {
                known++;
            }
            names[i] = name;
        }
        return known >= 2 && known * 2 >= count ? of(names, true) : null;
    }

    private static String stripPlaceholder(String token) {
        return token.startsWith("${") && token.endsWith("}") ? token.substring(2, token.length() - 1) : token;
    }

    private static boolean isFieldName(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return fields.length;
    }

    FlowField field(int i) {
        return fields[i];
    }

    String name(int i) {
        return names[i];
    }

    /** The version records get when the line has no {@code version} value. */
    int version() {
        return version;
    }

    boolean complete() {
        return complete;
    }

    @Override
    public String toString() {
        return String.join(" ", Arrays.stream(names).map(n -> n == null ? "?" : n).toList());
    }
}
