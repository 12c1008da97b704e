package io.vigil.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.FlowRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticFlowsTest {

    private static List<FlowRecord> all(long seed, int n) {
        List<FlowRecord> out = new ArrayList<>();
        new SyntheticFlows(seed, n).forEachRemaining(out::add);
        return out;
    }

    @Test
    void theSameSeedGivesTheSameRecords() {
        assertThat(all(1, 5_000)).hasSize(5_000).isEqualTo(all(1, 5_000));
        assertThat(all(2, 5_000)).isNotEqualTo(all(1, 5_000));
    }

    @Test
    void aRealisticEstateInEventTimeOrderPerInterface() {
        List<FlowRecord> flows = all(1, 50_000);
        Map<String, Long> lastStart = new HashMap<>();
        Set<String> interfaces = new HashSet<>();
        long rejected = 0;
        long ipv6 = 0;
        for (FlowRecord r : flows) {
            interfaces.add(r.getInterfaceId());
            long start = r.getStart().toEpochMilli();
            assertThat(start).isGreaterThanOrEqualTo(lastStart.getOrDefault(r.getInterfaceId(), 0L));
            lastStart.put(r.getInterfaceId(), start);
            rejected += "REJECT".equals(r.getAction()) ? 1 : 0;
            ipv6 += "IPv6".equals(r.getType()) ? 1 : 0;
        }
        assertThat(interfaces).hasSizeGreaterThanOrEqualTo(500);
        assertThat(rejected).isBetween(500L, 5_000L);
        assertThat(ipv6).isPositive();
        assertThat(flows.get(flows.size() - 1).getStart()).isBefore(SyntheticFlows.START.plus(SyntheticFlows.SPAN));
    }
}
