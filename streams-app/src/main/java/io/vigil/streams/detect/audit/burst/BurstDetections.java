package io.vigil.streams.detect.audit.burst;

import io.vigil.schemas.AuditEvent;
import io.vigil.streams.app.DetectionContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the burst rules to the audit family. The input is keyed by principal ARN (the collector keys
 * it so), so each principal's window lives on one partition without a repartition. The attack chains are
 * read and validated here, when the topology is built: a bad chain file stops the start naming its line.
 */
public final class BurstDetections {
    private static final Logger LOG = LoggerFactory.getLogger(BurstDetections.class);
    public static final String STORE = "audit-activity-windows";
    public static final String SEQUENCES_DIR = "vigil.audit.sequences.dir";
    public static final ConfigDef CONFIG = new ConfigDef()
            .define(SEQUENCES_DIR, Type.STRING, "", Importance.LOW,
                    "A folder of attack chain files (.yaml, .yml; the format of the shipped attack-sequences.yaml) read at start besides the "
                            + "shipped chains; a chain with a shipped chain's name replaces it. Empty: the shipped chains only.");

    private BurstDetections() {}

    public static void addTo(StreamsBuilder builder, KStream<String, AuditEvent> events, DetectionContext ctx) {
        List<AttackSequence> chains = chains(ctx.config());
        LOG.info("audit.sequence: {} attack chains in force", chains.size());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), ActivityWindowSerde.serde()));
        ctx.sink(events.process(() -> new BurstProcessor(STORE, BurstThresholds.defaults(), chains, ctx.clock()), Named.as("audit-bursts"), STORE),
                "audit-bursts");
    }

    /** The shipped chains and those of {@value #SEQUENCES_DIR}; ConfigException naming the key when the folder or a file is wrong. */
    static List<AttackSequence> chains(Map<String, ?> config) {
        Map<String, Object> mine = new HashMap<>();
        config.forEach((k, v) -> {
            if (CONFIG.names().contains(k)) {
                mine.put(k, v);
            }
        });
        String dir = new AbstractConfig(CONFIG, mine, false).getString(SEQUENCES_DIR);
        try {
            return AttackSequences.shippedAnd(dir.isBlank() ? null : Path.of(dir));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SEQUENCES_DIR, dir, e.getMessage());
        }
    }
}
