package io.vigil.streams.api.query;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The way back from {@link StoreValues}: a store value object's fields filled from its JSON form
 * (snake_case names, {@code *_seen}/{@code *_at}/{@code *_time} as ISO-8601), so that a baseline read
 * from {@code baseline.snapshots} can seed a store. Maps and collections are merged into the target's
 * own instances, so bounded (LRU) maps keep their bound and the JSON's order becomes their recency.
 */
public final class StoreFields {
    private static final ObjectMapper FIELDS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setDefaultMergeable(true);

    private StoreFields() {}

    /** @throws IllegalArgumentException when the JSON does not fit the target's fields */
    public static <T> T fill(T target, Map<String, Object> json) {
        Map<String, Object> raw = new LinkedHashMap<>();
        json.forEach((k, v) -> raw.put(k, isTime(k) && v instanceof String s ? Instant.parse(s).toEpochMilli() : v));
        try {
            return FIELDS.readerForUpdating(target).readValue(FIELDS.writeValueAsBytes(raw));
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("a baseline that does not fit " + target.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable baseline: " + e.getMessage(), e);
        }
    }

    private static boolean isTime(String name) {
        return name.endsWith("_seen") || name.endsWith("_at") || name.endsWith("_time");
    }
}
