package io.vigil.streams.api.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.streams.api.query.BaselineKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form of a {@code baseline.snapshots} record: key {@code <kind>/<entity>} (kind: {@code flows},
 * {@code principals}, {@code config}, {@code hosts}); value a JSON object with {@code kind}, {@code store},
 * {@code entity}, {@code snapshot_at} and {@code baseline} (what the API returns for the entity, without
 * the flow profiles' short-lived probe and connection windows).
 */
public final class SnapshotRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotRecords() {}

    public static String key(BaselineKind kind, String entity) {
        return kind.kindName() + "/" + entity;
    }

    static String value(BaselineKind kind, String entity, Instant at, Map<String, Object> baseline) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", kind.kindName());
        v.put("store", kind.store());
        v.put("entity", entity);
        v.put("snapshot_at", at.toString());
        v.put("baseline", baseline);
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a baseline that cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
