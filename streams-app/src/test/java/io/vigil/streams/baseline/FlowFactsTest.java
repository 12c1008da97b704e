package io.vigil.streams.baseline;

import static io.vigil.streams.baseline.TestFlows.flow;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.FlowRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowFactsTest {
    private final FlowFacts f = new FlowFacts(InternalNetworks.NONE);

    private FlowFacts read(FlowRecord r) {
        assertThat(f.read(r, 0, "flows.raw", 2, 41)).isTrue();
        return f;
    }

    @Test
    void egressFromTheInstanceToAnInternetService() {
        read(flow("10.0.0.5", 51000, "198.51.100.7", 443).direction("egress").build());
        assertThat(f.entity()).isEqualTo("i-0a1");
        assertThat(f.entityType()).isEqualTo("instance");
        assertThat(f.outbound()).isTrue();
        assertThat(f.peerText()).isEqualTo("198.51.100.7");
        assertThat(f.peerPublic()).isTrue();
        assertThat(f.client()).isTrue();
        assertThat(f.servicePort()).isEqualTo(443);
        assertThat(f.hour()).isEqualTo((int) (TestFlows.T0.getEpochSecond() / 3600));
    }

    @Test
    void theResponseOfTheSameConversationIsTheSameService() {
        read(flow("198.51.100.7", 443, "10.0.0.5", 51000).direction("ingress").build());
        assertThat(f.outbound()).isFalse();
        assertThat(f.client()).isTrue();
        assertThat(f.servicePort()).isEqualTo(443);
    }

    @Test
    void withoutDirectionThePrivateDestinationIsTheEntity() {
        read(flow("203.0.113.9", 50000, "10.0.0.5", 22).instance(null).build());
        assertThat(f.entity()).isEqualTo("eni-0a1/10.0.0.5");
        assertThat(f.entityType()).isEqualTo("interface");
        assertThat(f.outbound()).isFalse();
        assertThat(f.client()).isFalse();
        assertThat(f.servicePort()).isEqualTo(22);
    }

    @Test
    void withoutDirectionAPublicDestinationMakesTheSourceTheEntity() {
        read(flow("10.0.0.5", 50000, "203.0.113.9", 8443).instance(null).build());
        assertThat(f.entity()).isEqualTo("eni-0a1/10.0.0.5");
        assertThat(f.outbound()).isTrue();
    }

    @Test
    void aRefusedFlowIsServedToItsSourceWhateverThePorts() {
        read(flow("203.0.113.9", 80, "10.0.0.5", 31337).direction("ingress").reject().packets(1).build());
        assertThat(f.client()).isFalse();
        assertThat(f.servicePort()).isEqualTo(31337);
        assertThat(f.probe()).isTrue();
    }

    @Test
    void ipv6WithDirection() {
        read(flow("2001:db8::9", 40000, "2600:1f18:aa::5", 22).direction("ingress").instance(null).build());
        assertThat(f.entity()).isEqualTo("eni-0a1/2600:1f18:aa::5");
        assertThat(f.peerV6()).isTrue();
        assertThat(f.peerPublic()).isTrue();
        assertThat(f.client()).isFalse();
    }

    @Test
    void aConfiguredVpcBlockIsInternal() {
        FlowFacts vpc = new FlowFacts(InternalNetworks.of(List.of("2600:1f18::/32")));
        vpc.read(flow("2600:1f18:aa::5", 40000, "2600:1f18:bb::7", 5432).direction("egress").build(), 0, "t", 0, 0);
        assertThat(vpc.peerPublic()).isFalse();
    }

    @Test
    void noDataRecordsNameTheEntityButCarryNoTraffic() {
        FlowRecord r = FlowRecord.newBuilder(flow("10.0.0.5", 0, "10.0.0.6", 0).status("NODATA").build())
                .setSrcaddr(null).setDstaddr(null).build();
        read(r);
        assertThat(f.traffic()).isFalse();
        assertThat(f.entity()).isEqualTo("i-0a1");
    }

    @Test
    void recordIdAndSourceNameTheRecord() {
        read(flow("10.0.0.5", 51000, "198.51.100.7", 443).build());
        assertThat(f.recordId()).isEqualTo("eni-0a1:" + TestFlows.T0.toEpochMilli() + ":10.0.0.5:51000");
        assertThat(f.source().getPartition()).isEqualTo(2);
        assertThat(f.source().getOffset()).isEqualTo(41L);
    }
}
