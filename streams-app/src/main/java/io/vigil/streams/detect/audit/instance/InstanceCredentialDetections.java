package io.vigil.streams.detect.audit.instance;

import io.vigil.schemas.AuditEvent;
import io.vigil.streams.app.DetectionContext;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds {@code audit.instance_credentials_outside} to the audit family: per role (the input's key, so no
 * repartition), the addresses its instances' credentials were used from ({@value #STORE}).
 */
public final class InstanceCredentialDetections {
    public static final String STORE = "instance-credential-addresses";

    private InstanceCredentialDetections() {}

    public static void addTo(StreamsBuilder builder, KStream<String, AuditEvent> events, DetectionContext ctx) {
        InstanceCredentialSettings settings = InstanceCredentialSettings.from(ctx.config());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), RoleAddressesSerde.serde()));
        ctx.sink(events.process(() -> new InstanceCredentialProcessor(STORE, settings, ctx.clock()), Named.as("audit-instance-credentials"), STORE),
                "audit-instance-credentials");
    }
}
