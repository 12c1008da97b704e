package io.vigil.collectors.format.vpcflow;

import java.util.HashMap;
import java.util.Map;

/**
 * The flow log fields {@link io.vigil.schemas.FlowRecord} names, by their AWS name, with the default
 * format version that introduced each. Any other field (ECS, transit gateway, future ones) is
 * {@link #EXTRA}: kept verbatim in the record's {@code extra} map.
 */
enum FlowField {
    VERSION("version", 2),
    ACCOUNT_ID("account-id", 2),
    INTERFACE_ID("interface-id", 2),
    SRCADDR("srcaddr", 2),
    DSTADDR("dstaddr", 2),
    SRCPORT("srcport", 2),
    DSTPORT("dstport", 2),
    PROTOCOL("protocol", 2),
    PACKETS("packets", 2),
    BYTES("bytes", 2),
    START("start", 2),
    END("end", 2),
    ACTION("action", 2),
    LOG_STATUS("log-status", 2),
    VPC_ID("vpc-id", 3),
    SUBNET_ID("subnet-id", 3),
    INSTANCE_ID("instance-id", 3),
    TCP_FLAGS("tcp-flags", 3),
    TYPE("type", 3),
    PKT_SRCADDR("pkt-srcaddr", 3),
    PKT_DSTADDR("pkt-dstaddr", 3),
    REGION("region", 4),
    AZ_ID("az-id", 4),
    SUBLOCATION_TYPE("sublocation-type", 4),
    SUBLOCATION_ID("sublocation-id", 4),
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5),
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5),
    FLOW_DIRECTION("flow-direction", 5),
    TRAFFIC_PATH("traffic-path", 5),
    REJECT_REASON("reject-reason", 8),
    EXTRA(null, 0);

    private static final Map<String, FlowField> BY_NAME = new HashMap<>();

    static {
        for (FlowField f : values()) {
            if (f.awsName != null) {
                BY_NAME.put(f.awsName, f);
            }
        }
    }

    private final String awsName;
    private final int version;

    FlowField(String awsName, int version) {
        this.awsName = awsName;
        this.version = version;
    }

    String awsName() {
        return awsName;
    }

    /** The field named so, or {@link #EXTRA} for a name the schema does not hold. */
    static FlowField named(String awsName) {
        return BY_NAME.getOrDefault(awsName, EXTRA);
    }

    /**
     * The default format version that introduced a field: a custom format's version is the highest
     * of its fields' (AWS's rule), which is how a header without {@code version} still gets one.
     */
    static int versionOf(String awsName) {
        FlowField f = named(awsName);
        if (f != EXTRA) {
            return f.version;
        }
        if (awsName.startsWith("ecs-")) {
            return 7;
        }
        return awsName.startsWith("tgw-") || awsName.startsWith("packets-lost-") || awsName.equals("resource-type") ? 6 : 0;
    }
}
