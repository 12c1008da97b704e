package io.vigil.streams.detect.audit.principal;

import io.vigil.streams.api.query.StoreFields;
import java.util.Map;

/**
 * A principal profile rebuilt from its {@code baseline.snapshots} form (the baseline API's JSON, made
 * from the profile's fields), as the bytes its store and changelog hold, so that a hunt can start from
 * the baseline as it was instead of learning it again. The sets keep their order (least recently seen
 * first), which is their recency.
 */
public final class PrincipalProfileSeed {
    private PrincipalProfileSeed() {}

    /** @throws IllegalArgumentException when the snapshot is not a principal profile */
    public static byte[] fromSnapshot(Map<String, Object> baseline) {
        if (!baseline.containsKey("first_seen") || !baseline.containsKey("events")) {
            throw new IllegalArgumentException("principal snapshot without first_seen or events");
        }
        PrincipalProfile p = StoreFields.fill(new PrincipalProfile(), baseline);
        return PrincipalProfileSerde.serde().serializer().serialize(null, p);
    }
}
