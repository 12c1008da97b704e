package io.vigil.streams.detect.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.Finding;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.Origin;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.app.StreamsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory drift family (its own addTo, on the inventory stream) under TopologyTestDriver: rows of one host spread over keys. */
class InventoryDetectionsTopologyTest {
    private final WireFormat wire = new SingleObjectWireFormat();
    private final Clock clock = Clock.fixed(Instant.parse("2024-06-05T00:00:00Z"), ZoneOffset.UTC);
    static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    @TempDir
    Path state;

    static HostInventory port(int port, String path, long minutes, InventoryAction action) {
        Instant t = T0.plusSeconds(minutes * 60);
        return HostInventory.newBuilder().setHostIdentifier("web-1").setInstanceId("i-0aaa1111bbbb2222c").setQueryName("listening_ports")
                .setKind(InventoryKind.LISTENING_PORT).setAction(action).setEventTime(t).setPort(port).setProtocol(6).setAddress("0.0.0.0")
                .setProcessName(path.substring(path.lastIndexOf('/') + 1)).setPath(path).setOrigin(new Origin("osqueryd.results.log", "line " + minutes, "osquery", t))
                .build();
    }

    @Test
    void aBackdoorListenerIsReportedOnceCitingTheInventoryRecord() {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "inv"), state));
        StreamsBuilder builder = new StreamsBuilder();
        DetectionContext ctx = DetectionContext.live(wire, clock);
        InventoryDetections.addTo(builder, builder.stream(Topics.INVENTORY_HOST.name(),
                Consumed.with(Topics.INVENTORY_HOST.keySerde(), Topics.INVENTORY_HOST.valueSerde(wire))), ctx);
        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            var in = driver.createInputTopic(Topics.INVENTORY_HOST.name(), Topics.INVENTORY_HOST.keySerde().serializer(), Topics.INVENTORY_HOST.valueSerde(wire).serializer());
            var out = driver.createOutputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().deserializer(), Topics.FINDINGS.valueSerde(wire).deserializer());
            for (HostInventory r : List.of(port(22, "/usr/sbin/sshd", 0, InventoryAction.ADDED), port(443, "/usr/sbin/nginx", 0, InventoryAction.ADDED),
                    port(4444, "/tmp/.font-unix/kworkerd", 3000, InventoryAction.ADDED), port(4444, "/tmp/.font-unix/kworkerd", 3360, InventoryAction.SNAPSHOT),
                    port(22, "/usr/sbin/sshd", 3360, InventoryAction.SNAPSHOT))) {
                in.pipeInput("web-1|LISTENING_PORT|" + r.getPort() + "|" + r.getAction(), r, r.getEventTime());
            }
            List<Finding> found = out.readValuesToList();
            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.getDetector()).isEqualTo("drift.listening_port");
                assertThat(f.getSeverity().name()).isEqualTo("HIGH");
                assertThat(f.getEntity()).isEqualTo("i-0aaa1111bbbb2222c");
                assertThat(f.getEvidence().getObserved()).containsEntry("port", "4444").containsEntry("path", "/tmp/.font-unix/kworkerd");
                assertThat(f.getSources()).singleElement().satisfies(s -> {
                    assertThat(s.getTopic()).isEqualTo("inventory.host");
                    assertThat(s.getOffset()).isEqualTo(2L);
                    assertThat(s.getRecordId()).isEqualTo("osqueryd.results.log line 3000");
                });
            });
        }
    }
}
