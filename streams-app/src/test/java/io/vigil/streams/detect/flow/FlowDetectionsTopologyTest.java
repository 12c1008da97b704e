package io.vigil.streams.detect.flow;

import static io.vigil.streams.baseline.TestFlows.flow;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.Finding;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.StreamsSettings;
import io.vigil.streams.app.VigilTopology;
import io.vigil.streams.baseline.FlowProfileStore;
import io.vigil.streams.baseline.FlowProfileView;
import io.vigil.streams.baseline.TestFlows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flow family under TopologyTestDriver, built by the same addTo the app uses. */
class FlowDetectionsTopologyTest {
    private final WireFormat wire = new SingleObjectWireFormat();
    private final Clock clock = Clock.fixed(Instant.parse("2024-09-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path state;

    private Topology topology(Clock c) {
        StreamsBuilder builder = new StreamsBuilder();
        FlowDetections.addTo(builder, wire, c);
        return builder.build();
    }

    private Properties props(Path dir) {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "flow-test"), dir));
        return props;
    }

    /** Pipes the flows keyed by interface at their start time; the findings that came out. */
    private static List<Finding> run(TopologyTestDriver driver, WireFormat wire, List<FlowRecord> flows) {
        var in = driver.createInputTopic(Topics.FLOWS_RAW.name(), Topics.FLOWS_RAW.keySerde().serializer(),
                Topics.FLOWS_RAW.valueSerde(wire).serializer());
        var out = driver.createOutputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().deserializer(),
                Topics.FINDINGS.valueSerde(wire).deserializer());
        for (FlowRecord r : flows) {
            in.pipeInput(r.getInterfaceId(), r, r.getStart());
        }
        List<Finding> findings = new ArrayList<>();
        out.readKeyValuesToList().forEach(kv -> {
            assertThat(kv.key).isEqualTo(kv.value.getEntity());
            findings.add(kv.value);
        });
        return findings;
    }

    private static List<FlowRecord> outboundScan(String src, String dst) {
        List<FlowRecord> flows = new ArrayList<>();
        flows.add(flow(src, 40000, dst, 443).direction("egress").bytes(5000).build());
        for (int port = 1; port <= 25; port++) {
            flows.add(flow(src, 51000, dst, port).direction("egress").reject().packets(1).afterSeconds(10 + port).build());
        }
        return flows;
    }

    @Test
    void aScanBecomesOneFindingCitingTheRecordsBehindIt() {
        try (var driver = new TopologyTestDriver(topology(clock), props(state))) {
            List<Finding> findings = run(driver, wire, outboundScan("10.0.0.5", "198.51.100.7"));
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.getDetector()).isEqualTo("flow.port_scan");
                assertThat(f.getSeverity().name()).isEqualTo("HIGH");
                assertThat(f.getEntity()).isEqualTo("i-0a1");
                assertThat(f.getEntityType()).isEqualTo("instance");
                assertThat(f.getAttack()).containsExactly("T1046");
                assertThat(f.getEventTime()).isEqualTo(at(30));
                assertThat(f.getDetectedAt()).isEqualTo(clock.instant());
                assertThat(f.getEvidence().getObserved()).containsEntry("distinct_ports", "20").containsEntry("target", "198.51.100.7");
                assertThat(f.getEvidence().getBaseline()).containsEntry("threshold_distinct_ports", "20").containsKey("learning");
                assertThat(f.getSources()).extracting(s -> s.getOffset()).containsExactly(1L, 20L);
                assertThat(f.getSources()).allSatisfy(s -> assertThat(s.getTopic()).isEqualTo("flows.raw"));
                assertThat(f.getSources().get(0).getRecordId()).isEqualTo("eni-0a1:" + at(11).toEpochMilli() + ":10.0.0.5:51000");
                assertThat(f.getTags()).contains("guardduty:Recon:EC2/Portscan", "playbook:compromised-instance");
            });
        }
    }

    @Test
    void ipv6FlowsAreJudgedToo() {
        try (var driver = new TopologyTestDriver(topology(clock), props(state))) {
            List<Finding> findings = run(driver, wire, outboundScan("2600:1f18:aa::5", "2001:db8::7"));
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.getDetector()).isEqualTo("flow.port_scan");
                assertThat(f.getEvidence().getObserved()).containsEntry("target", "2001:db8::7").containsEntry("local_address", "2600:1f18:aa::5");
            });
        }
    }

    @Test
    void sameInputGivesSameFindingIds() {
        List<String> first = null;
        for (int run = 0; run < 2; run++) {
            try (var driver = new TopologyTestDriver(topology(Clock.systemUTC()), props(state.resolve("run" + run)))) {
                List<FlowRecord> flows = new ArrayList<>(outboundScan("10.0.0.5", "198.51.100.7"));
                flows.add(flow("10.0.0.5", 51000, "198.51.100.20", 3333).direction("egress").afterSeconds(100).build());
                List<String> ids = run(driver, wire, flows).stream().map(Finding::getId).toList();
                assertThat(ids).hasSize(2);
                if (first == null) {
                    first = ids;
                } else {
                    assertThat(ids).isEqualTo(first);
                }
            }
        }
    }

    @Test
    void theProfileIsQueryableAndNoDataOnlyMovesLastSeen() {
        try (var driver = new TopologyTestDriver(topology(clock), props(state))) {
            FlowRecord noData = FlowRecord.newBuilder(flow("10.0.0.5", 0, "10.0.0.6", 0).status("NODATA").afterSeconds(7200).build())
                    .setSrcaddr(null).setDstaddr(null).build();
            run(driver, wire, List.of(flow("10.0.0.5", 40000, "10.0.1.10", 5432).direction("egress").build(), noData));
            ReadOnlyKeyValueStore<String, byte[]> store = (FlowProfileStore) driver.getAllStateStores().get(FlowDetections.STORE);
            Map<String, Object> profile = FlowProfileView.read(store, "i-0a1").orElseThrow();
            assertThat(profile).containsEntry("records", 1L).containsEntry("last_seen", at(7200).toString())
                    .containsEntry("learning", Map.of("state", "learning"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> peers = (List<Map<String, Object>>) profile.get("peer_services");
            assertThat(peers).singleElement().satisfies(e -> assertThat(e).containsEntry("peer", "10.0.1.0/24").containsEntry("port", 5432));
            assertThat(FlowProfileView.read(store, "i-unknown")).isEmpty();
        }
    }

    @Test
    void everyOperatorAndStoreIsNamed() {
        String description = topology(clock).describe().toString();
        assertThat(description).contains("flow-records-source", "flow-detect", "flow-findings", FlowDetections.STORE)
                .doesNotContain("KSTREAM-", "KTABLE-");
    }

    @Test
    void theAppTopologyIncludesTheFlowFamily() {
        assertThat(VigilTopology.build(wire, clock).describe().toString()).contains("flow-detect", FlowDetections.STORE);
    }

    /** The event time {@code seconds} after the test flows' start. */
    private static Instant at(long seconds) {
        return TestFlows.T0.plusSeconds(seconds);
    }
}
