package io.vigil.streams.detect.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.SourceRef;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (brute-force.fixtures.jsonl beside it: flows and expected verdict), and its evidence. */
class BruteForceDetectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("brute-force.fixtures.jsonl", BruteForceDetector.NAME);
    }

    @Test
    void evidenceSourcesAndEscalation() throws Exception {
        List<FlowAlert> alerts = bruteForce("{}", ssh(125));
        assertThat(alerts).extracting(a -> a.detection().severity().name()).containsExactly("MEDIUM", "HIGH");
        FlowAlert medium = alerts.get(0);
        assertThat(medium.detection().observed()).containsEntry("source", "203.0.113.9").containsEntry("port", "22")
                .containsEntry("flows", "30").containsEntry("accepted", "30").containsEntry("refused", "0")
                .containsEntry("rate_direction", "inbound to us").containsKeys("window_start", "window_end");
        assertThat(medium.detection().baseline()).containsEntry("threshold_flows", "30")
                .containsEntry("comparison", "no baseline is needed: the rate itself is abnormal");
        assertThat(medium.detection().tags()).contains("guardduty:UnauthorizedAccess:EC2/SSHBruteForce", "playbook:suspicious-activity");
        assertThat(medium.detection().attack()).contains("T1110", "T1110.001", "T1110.003");
        // 19 cited from the window, then the current record (the 30th flow, offset 29).
        assertThat(medium.sources()).hasSize(20).extracting(SourceRef::getOffset).startsWith(0L, 1L).endsWith(29L).doesNotHaveDuplicates();
        FlowAlert high = alerts.get(1);
        assertThat(high.detection().observed()).containsEntry("flows", "120");
        assertThat(high.detection().tags()).contains("playbook:compromised-instance");
        assertThat(high.detection().evidenceKey()).isNotEqualTo(medium.detection().evidenceKey());
    }

    @Test
    void citedRecordsHaveTheirOwnIds() throws Exception {
        List<FlowRecord> flows = ssh(5);
        List<FlowAlert> alerts = bruteForce("{\"brute_force.flows\": \"3\"}", flows);
        assertThat(alerts).hasSize(1);
        List<SourceRef> sources = alerts.get(0).sources();
        assertThat(sources).extracting(SourceRef::getOffset).containsExactly(0L, 1L, 2L);
        assertThat(sources.get(0).getRecordId()).isEqualTo("eni-0a1:" + flows.get(0).getStart().toEpochMilli() + ":203.0.113.9:40000");
        assertThat(sources.get(2).getRecordId()).isEqualTo("eni-0a1:" + flows.get(2).getStart().toEpochMilli() + ":203.0.113.9:40002");
    }

    private static List<FlowRecord> ssh(int n) throws Exception {
        return FlowFixtures.flows(JSON.readTree("[{\"src\": \"203.0.113.9\", \"sp\": 40000, \"vary\": \"sp\", \"dst\": \"10.0.0.5\", \"dp\": 22,"
                + " \"repeat\": " + n + ", \"every\": 4, \"packets\": 12, \"dir\": \"ingress\"}]"));
    }

    private static List<FlowAlert> bruteForce(String config, List<FlowRecord> flows) throws Exception {
        return FlowFixtures.alerts(FlowFixtures.config(JSON.readTree(config)), flows).stream()
                .filter(a -> a.detection().detector().equals(BruteForceDetector.NAME)).toList();
    }
}
