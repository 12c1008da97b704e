package io.vigil.streams.baseline;

import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.Origin;
import java.time.Instant;

/** Builds flow records for tests: v5 records of one interface of one instance unless told otherwise. */
public final class TestFlows {
    /** A Monday, 00:00 UTC: hour-of-week slot 0. */
    public static final Instant T0 = Instant.parse("2024-08-05T00:00:00Z");

    private TestFlows() {}

    public static Builder flow(String src, int srcPort, String dst, int dstPort) {
        return new Builder(src, srcPort, dst, dstPort);
    }

    /** A fluent flow record under construction. */
    public static final class Builder {
        private final FlowRecord.Builder r;
        private Instant start = T0;

        Builder(String src, int srcPort, String dst, int dstPort) {
            r = FlowRecord.newBuilder().setVersion(5).setAccountId("123456789012").setInterfaceId("eni-0a1").setInstanceId("i-0a1")
                    .setSrcaddr(src).setDstaddr(dst).setSrcport(srcPort).setDstport(dstPort).setProtocol(6).setPackets(10L).setBytes(1000L)
                    .setAction("ACCEPT").setLogStatus("OK").setVpcId("vpc-1").setSubnetId("subnet-1")
                    .setOrigin(new Origin("test", "record 1", "vpcflow", T0));
        }

        public Builder at(Instant t) {
            start = t;
            return this;
        }

        public Builder afterSeconds(long seconds) {
            return at(T0.plusSeconds(seconds));
        }

        public Builder bytes(long bytes) {
            r.setBytes(bytes);
            return this;
        }

        public Builder packets(long packets) {
            r.setPackets(packets);
            return this;
        }

        public Builder protocol(int protocol) {
            r.setProtocol(protocol);
            return this;
        }

        public Builder reject() {
            r.setAction("REJECT");
            return this;
        }

        public Builder direction(String direction) {
            r.setFlowDirection(direction);
            return this;
        }

        public Builder instance(String instanceId) {
            r.setInstanceId(instanceId);
            return this;
        }

        public Builder iface(String interfaceId) {
            r.setInterfaceId(interfaceId);
            return this;
        }

        public Builder status(String logStatus) {
            r.setLogStatus(logStatus);
            return this;
        }

        public FlowRecord build() {
            return r.setStart(start).setEnd(start.plusSeconds(60)).build();
        }
    }
}
