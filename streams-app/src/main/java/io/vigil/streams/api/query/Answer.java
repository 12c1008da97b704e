package io.vigil.streams.api.query;

import java.util.Map;
import java.util.Optional;

/**
 * The answer to a baseline query, wherever it came from (this instance or the one owning the key).
 *
 * @param body   the baseline as JSON-able maps and lists, when found
 * @param reason why no instance could answer, when unavailable (no entity content)
 */
public record Answer(Status status, Optional<Map<String, Object>> body, String reason) {
    /** FOUND: 200; NOT_FOUND: 404; UNAVAILABLE: 503 (the owner is migrating, restoring or unreachable). */
    public enum Status { FOUND, NOT_FOUND, UNAVAILABLE }

    public static Answer found(Map<String, Object> body) {
        return new Answer(Status.FOUND, Optional.of(body), "");
    }

    public static Answer notFound() {
        return new Answer(Status.NOT_FOUND, Optional.empty(), "");
    }

    public static Answer unavailable(String reason) {
        return new Answer(Status.UNAVAILABLE, Optional.empty(), reason);
    }

    public boolean found() {
        return status == Status.FOUND;
    }
}
