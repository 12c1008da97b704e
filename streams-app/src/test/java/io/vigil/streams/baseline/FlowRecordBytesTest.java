package io.vigil.streams.baseline;

import static io.vigil.streams.baseline.TestFlows.flow;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.streams.bench.SyntheticFlows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the wire bytes must give exactly the facts that decoding the record gives. */
class FlowRecordBytesTest {
    private final SingleObjectWireFormat wire = new SingleObjectWireFormat();
    private final FlowRecordBytes reader = new FlowRecordBytes();

    @Test
    void sameFactsAsDecoding() {
        List<FlowRecord> records = new ArrayList<>();
        new SyntheticFlows(3, 5_000).forEachRemaining(records::add);
        records.add(flow("2001:db8::9", 40000, "2600:1f18:aa::5", 22).direction("ingress").instance(null).build());
        records.add(FlowRecord.newBuilder(flow("10.0.0.5", 0, "10.0.0.6", 0).status("NODATA").build())
                .setSrcaddr(null).setDstaddr(null).setSrcport(null).setDstport(null).setProtocol(null).setStart(null).build());
        records.add(FlowRecord.newBuilder(flow("10.0.0.5", 1, "10.0.0.6", 2).build()).setInterfaceId(null).setInstanceId(null)
                .setAccountId(null).setAction(null).setBytes(null).setPackets(null).build());
        FlowFacts fromBytes = new FlowFacts(InternalNetworks.NONE);
        FlowFacts decoded = new FlowFacts(InternalNetworks.NONE);
        long offset = 0;
        for (FlowRecord r : records) {
            assertThat(reader.fill(wire.encode("flows.raw", r), fromBytes)).isTrue();
            boolean a = fromBytes.derive(99, "flows.raw", 1, offset);
            boolean b = decoded.read(r, 99, "flows.raw", 1, offset++);
            assertThat(a).isEqualTo(b);
            if (a) {
                assertThat(describe(fromBytes)).isEqualTo(describe(decoded));
            }
        }
    }

    @Test
    void refusesOtherFormats() {
        byte[] bytes = wire.encode("flows.raw", flow("10.0.0.5", 1, "10.0.0.6", 2).build());
        bytes[5] ^= 1;
        assertThat(reader.fill(bytes, new FlowFacts(InternalNetworks.NONE))).isFalse();
        assertThat(reader.fill(new byte[] {0, 0, 0, 0, 7, 2}, new FlowFacts(InternalNetworks.NONE))).isFalse();
    }

    private static String describe(FlowFacts f) {
        String common = String.join("|", f.entity(), f.entityType(), String.valueOf(f.account()), String.valueOf(f.interfaceId()),
                Long.toString(f.time()), Boolean.toString(f.traffic()));
        if (!f.traffic()) {
            return common;
        }
        return String.join("|", common, f.recordId(), f.localText(), f.peerText(), Long.toHexString(f.peerHi()), Long.toHexString(f.peerLo()),
                Boolean.toString(f.outbound()), Boolean.toString(f.client()), Integer.toString(f.service()), Long.toString(f.bytes()),
                Long.toString(f.packets()), String.valueOf(f.action()), Boolean.toString(f.rejected()), Boolean.toString(f.peerPublic()));
    }
}
