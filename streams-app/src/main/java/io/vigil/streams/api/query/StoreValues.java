package io.vigil.streams.api.query;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a store's value object into JSON-able maps by its fields, with snake_case names and epoch-millis
 * fields named {@code *_seen}, {@code *_at} or {@code *_time} shown as ISO-8601 instants. Why by fields: the
 * families keep their baseline types private to their package (principal profiles, configuration
 * baselines), and the API must show them without each family writing a view.
 */
public final class StoreValues {
    private static final ObjectMapper FIELDS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private StoreValues() {}

    public static Map<String, Object> of(Object value) {
        Map<String, Object> raw = FIELDS.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() {});
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, isTime(k) && v instanceof Number n ? Instant.ofEpochMilli(n.longValue()).toString() : v));
        return out;
    }

    private static boolean isTime(String name) {
        return name.endsWith("_seen") || name.endsWith("_at") || name.endsWith("_time");
    }
}
