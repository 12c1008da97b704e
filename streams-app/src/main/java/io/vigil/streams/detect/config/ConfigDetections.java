package io.vigil.streams.detect.config;

import io.vigil.schemas.BaselineApproval;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Finding;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.app.DetectionContext;
import io.vigil.streams.detect.config.attribution.DriftAttribution;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The configuration family: AWS Config items in, drift findings out. The input is keyed by resource
 * type and id (the collector keys it so), so a resource's baseline lives on one partition. Approved
 * baselines ({@code baseline.approved}, keyed and partitioned alike) replace the learned one in the same
 * store. Findings are attributed to the CloudTrail call that caused them ({@link DriftAttribution}) on
 * their way out.
 */
public final class ConfigDetections {
    public static final String STORE = "config-baselines";

    private ConfigDetections() {}

    public static void addTo(StreamsBuilder builder, DetectionContext ctx) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), ConfigBaselineSerde.serde()));
        KStream<String, ConfigChange> changes = builder.stream(Topics.CONFIG_CHANGES.name(),
                Consumed.with(Topics.CONFIG_CHANGES.keySerde(), Topics.CONFIG_CHANGES.valueSerde(ctx.wire())).withName("config-changes-source"));
        KStream<String, BaselineApproval> approvals = builder.stream(Topics.BASELINE_APPROVED.name(),
                Consumed.with(Topics.BASELINE_APPROVED.keySerde(), Topics.BASELINE_APPROVED.valueSerde(ctx.wire())).withName("baseline-approved-source"));
        approvals.process(() -> new ConfigApprovalProcessor(STORE), Named.as("config-baseline-approval"), STORE);
        KStream<String, Finding> findings = changes.process(() -> new ConfigDriftProcessor(STORE, ctx.clock()), Named.as("config-drift"), STORE);
        ctx.sink(DriftAttribution.addTo(builder, findings, ctx), "config-drift");
    }
}
