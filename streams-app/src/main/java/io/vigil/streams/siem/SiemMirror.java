package io.vigil.streams.siem;

import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIEM mirrors: every finding on {@code findings} (Avro) again as OCSF JSON, ECS JSON and a CEF
 * line, on one topic per format, so a SIEM's stock Kafka connector can subscribe without an Avro
 * decoder. Keys are the entity, as on {@code findings}, so one entity's findings stay in order.
 *
 * <p>A finding a mapper cannot map is skipped on that mirror with a WARN naming only its id (never its
 * content, which is attacker-influenced); the stream and the other mirrors go on.
 */
public final class SiemMirror {
    public static final String OCSF_TOPIC = Topics.FINDINGS_MIRRORS.get(0).name();
    public static final String ECS_TOPIC = Topics.FINDINGS_MIRRORS.get(1).name();
    public static final String CEF_TOPIC = Topics.FINDINGS_MIRRORS.get(2).name();

    private static final Logger LOG = LoggerFactory.getLogger(SiemMirror.class);

    /** One mirror: its short name (used in operator names), its topic and its mapping. */
    record Mirror(String name, String topic, Function<Finding, String> mapper) {}

    static final List<Mirror> MIRRORS = List.of(
            new Mirror("ocsf", OCSF_TOPIC, OcsfMapper::toJson),
            new Mirror("ecs", ECS_TOPIC, EcsMapper::toJson),
            new Mirror("cef", CEF_TOPIC, CefMapper::toLine));

    private SiemMirror() {}

    public static void addTo(StreamsBuilder builder, WireFormat wire) {
        addTo(builder, wire, MIRRORS);
    }

    static void addTo(StreamsBuilder builder, WireFormat wire, List<Mirror> mirrors) {
        KStream<String, Finding> findings = builder.stream(Topics.FINDINGS.name(),
                Consumed.with(Topics.FINDINGS.keySerde(), Topics.FINDINGS.valueSerde(wire)).withName("siem-findings-source"));
        for (Mirror m : mirrors) {
            findings.flatMap((key, finding) -> mapped(finding, m), Named.as("siem-" + m.name() + "-map"))
                    .to(m.topic(), Produced.with(Serdes.String(), Serdes.String()).withName("siem-" + m.name() + "-sink"));
        }
    }

    private static List<KeyValue<String, String>> mapped(Finding f, Mirror m) {
        if (f == null) {
            return List.of();
        }
        try {
            return List.of(KeyValue.pair(f.getEntity(), m.mapper().apply(f)));
        } catch (RuntimeException e) {
            LOG.warn("finding {} not mirrored to {}: {}", f.getId(), m.topic(), e.getClass().getName());
            return List.of();
        }
    }
}
