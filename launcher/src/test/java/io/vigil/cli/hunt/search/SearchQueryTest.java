package io.vigil.cli.hunt.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.Origin;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
    private static final Origin ORIGIN = new Origin("test", "line 1", "vpcflow", Instant.EPOCH);

    static FlowRecord flow(String src, String dst) {
        return FlowRecord.newBuilder().setVersion(2).setAccountId("111122223333").setInterfaceId("eni-0a").setInstanceId("i-0abc")
                .setSrcaddr(src).setDstaddr(dst).setSrcport(40000).setDstport(22).setProtocol(6).setPackets(1L).setBytes(60L)
                .setStart(Instant.EPOCH).setEnd(Instant.EPOCH).setAction("ACCEPT").setLogStatus("OK").setOrigin(ORIGIN).build();
    }

    static AuditEvent call(String ip, String raw) {
        return AuditEvent.newBuilder().setEventId("e1").setEventTime(Instant.EPOCH).setEventSource("iam.amazonaws.com").setEventName("CreateAccessKey")
                .setSourceIp(ip).setPrincipalType("AssumedRole").setPrincipalArn("arn:aws:iam::111122223333:role/web")
                .setPrincipalId("AROAEXAMPLE:i-0abc").setAccessKeyId("ASIAEXAMPLE").setResources(List.of()).setRaw(raw).setOrigin(ORIGIN).build();
    }

    @Test
    void anAddressOrBlockMatchesTheFlowEndOrCallerHoldingIt() {
        assertThat(new SearchQuery(SearchQuery.Kind.IP, "10.0.1.5").match(flow("10.0.0.9", "10.0.1.5"))).contains("dstaddr");
        assertThat(new SearchQuery(SearchQuery.Kind.IP, "10.0.0.0/24").match(flow("10.0.0.9", "10.0.1.5"))).contains("srcaddr");
        assertThat(new SearchQuery(SearchQuery.Kind.IP, "10.0.2.0/24").match(flow("10.0.0.9", "10.0.1.5"))).isEmpty();
        assertThat(new SearchQuery(SearchQuery.Kind.IP, "2001:db8::/32").match(flow("2001:db8:1::7", "10.0.1.5"))).contains("srcaddr");
        assertThat(new SearchQuery(SearchQuery.Kind.IP, "198.51.100.7").match(call("198.51.100.7", "{}"))).contains("source_ip");
        assertThat(new SearchQuery(SearchQuery.Kind.IP, "198.51.100.7").match(call("ec2.amazonaws.com", "{}"))).isEmpty();
    }

    @Test
    void anAddressIsParsedNeverResolved() {
        assertThatThrownBy(() -> new SearchQuery(SearchQuery.Kind.IP, "attacker.example")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> new SearchQuery(SearchQuery.Kind.IP, "999.1.1.1")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> new SearchQuery(SearchQuery.Kind.IP, "10.0.0.0/33")).hasMessageContaining("prefix length");
    }

    @Test
    void principalsKeysAndInstancesAreFoundInTheFieldsOrTheOriginalEvent() {
        AuditEvent e = call("198.51.100.7", "{\"responseElements\":{\"accessKey\":{\"accessKeyId\":\"AKIANEWKEY\"}}}");
        assertThat(new SearchQuery(SearchQuery.Kind.PRINCIPAL, "arn:aws:iam::111122223333:role/web").match(e)).contains("principal_arn");
        assertThat(new SearchQuery(SearchQuery.Kind.PRINCIPAL, "web").match(e)).contains("principal_arn");
        assertThat(new SearchQuery(SearchQuery.Kind.ACCESS_KEY, "ASIAEXAMPLE").match(e)).contains("access_key_id");
        assertThat(new SearchQuery(SearchQuery.Kind.ACCESS_KEY, "AKIANEWKEY").match(e)).contains("raw");
        assertThat(new SearchQuery(SearchQuery.Kind.ACCESS_KEY, "AKIANEW").match(e)).as("whole ids only").isEmpty();
        assertThat(new SearchQuery(SearchQuery.Kind.INSTANCE, "i-0abc").match(e)).contains("principal_id");
        assertThat(new SearchQuery(SearchQuery.Kind.INSTANCE, "i-0abc").match(flow("10.0.0.9", "10.0.1.5"))).contains("instance_id");
        HostInventory h = HostInventory.newBuilder().setHostIdentifier("host-1").setInstanceId("i-0abc").setQueryName("q").setKind(io.vigil.schemas.InventoryKind.PACKAGE)
                .setAction(io.vigil.schemas.InventoryAction.ADDED).setEventTime(Instant.EPOCH).setColumns(java.util.Map.of()).setOrigin(ORIGIN).build();
        assertThat(new SearchQuery(SearchQuery.Kind.INSTANCE, "i-0abc").match(h)).contains("instance_id");
    }

    @Test
    void textIsFoundAnywhereRegardlessOfCase() {
        assertThat(new SearchQuery(SearchQuery.Kind.TEXT, "createaccesskey").match(call("1.2.3.4", "{}"))).contains("any");
        assertThat(new SearchQuery(SearchQuery.Kind.TEXT, "DeleteTrail").match(call("1.2.3.4", "{}"))).isEmpty();
    }

    @Test
    void theTableShowsControlCharactersInsteadOfObeyingThem() {
        assertThat(MatchPrinter.safe("curl\u001b[2J\u001b]0;pwned\u0007")).isEqualTo("curl\\u001b[2J\\u001b]0;pwned\\u0007");
        assertThat(MatchPrinter.safe("aws-cli/2.15 ünïcode")).isEqualTo("aws-cli/2.15 ünïcode");
    }
}
