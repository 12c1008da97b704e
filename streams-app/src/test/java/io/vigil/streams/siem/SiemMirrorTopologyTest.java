package io.vigil.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.app.StreamsSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SIEM mirrors under TopologyTestDriver, built by the same addTo the app uses. */
class SiemMirrorTopologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireFormat wire = new SingleObjectWireFormat();

    @TempDir
    Path state;

    private static Topology topology(WireFormat wire, List<SiemMirror.Mirror> mirrors) {
        StreamsBuilder builder = new StreamsBuilder();
        SiemMirror.addTo(builder, wire, mirrors);
        return builder.build();
    }

    private Properties props() {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(Map.of("bootstrap.servers", "unused:9092", "application.id", "siem-test"), state));
        return props;
    }

    /** Pipes the findings keyed by entity; what each of {@code topics} received. */
    private List<List<KeyValue<String, String>>> run(Topology topology, List<Finding> findings, String... topics) {
        try (var driver = new TopologyTestDriver(topology, props())) {
            var in = driver.createInputTopic(Topics.FINDINGS.name(), Topics.FINDINGS.keySerde().serializer(),
                    Topics.FINDINGS.valueSerde(wire).serializer());
            findings.forEach(f -> in.pipeInput(f.getEntity(), f, f.getEventTime()));
            List<List<KeyValue<String, String>>> out = new ArrayList<>();
            for (String topic : topics) {
                out.add(driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer()).readKeyValuesToList());
            }
            return out;
        }
    }

    @Test
    void everyFindingReachesEveryMirrorKeyedByEntity() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        SiemMirror.addTo(builder, wire);
        Topology topology = builder.build();
        List<Finding> findings = List.of(TestFindings.portScan(), TestFindings.sensitiveCall(), TestFindings.drift());
        var out = run(topology, findings, SiemMirror.OCSF_TOPIC, SiemMirror.ECS_TOPIC, SiemMirror.CEF_TOPIC);

        List<String> entities = findings.stream().map(Finding::getEntity).toList();
        out.forEach(records -> assertThat(records).extracting(kv -> kv.key).containsExactlyElementsOf(entities));
        JsonNode ocsf = JSON.readTree(out.get(0).get(2).value);
        assertThat(ocsf.get("class_uid").asInt()).isEqualTo(2003);
        assertThat(ocsf.at("/finding_info/uid").asText()).isEqualTo(findings.get(2).getId());
        JsonNode ecs = JSON.readTree(out.get(1).get(0).value);
        assertThat(ecs.at("/event/id").asText()).isEqualTo(findings.get(0).getId());
        assertThat(out.get(2).get(1).value).startsWith("CEF:0|Vigil|Vigil|0.1|audit.sensitive_call|");
    }

    @Test
    void aFindingThatCannotBeMappedIsSkippedAndTheStreamGoesOn() {
        SiemMirror.Mirror picky = new SiemMirror.Mirror("picky", "findings.picky", f -> {
            if (f.getDetector().startsWith("audit.")) {
                throw new IllegalStateException("cannot map");
            }
            return f.getId();
        });
        List<SiemMirror.Mirror> mirrors = List.of(picky, SiemMirror.MIRRORS.get(2));
        List<Finding> findings = List.of(TestFindings.sensitiveCall(), TestFindings.portScan(), TestFindings.sensitiveCall());
        var out = run(topology(wire, mirrors), findings, "findings.picky", SiemMirror.CEF_TOPIC);

        assertThat(out.get(0)).extracting(kv -> kv.value).containsExactly(TestFindings.portScan().getId());
        assertThat(out.get(1)).hasSize(3);
    }

    @Test
    void everyOperatorIsNamed() {
        StreamsBuilder builder = new StreamsBuilder();
        SiemMirror.addTo(builder, wire);
        String description = builder.build().describe().toString();
        assertThat(description).contains("siem-findings-source", "siem-ocsf-map", "siem-ocsf-sink", "siem-ecs-map", "siem-ecs-sink",
                "siem-cef-map", "siem-cef-sink").doesNotContain("KSTREAM-");
    }
}
