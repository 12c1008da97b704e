package io.vigil.streams.finding;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Finding ids are a function of what was detected, never of when or where it ran: the same input
 * replayed (a hunt, a re-run after a crash) gives the same ids, so consumers can de-duplicate.
 */
public final class FindingIds {
    private FindingIds() {}

    public static String of(String detector, String entity, String evidenceKey) {
        return UUID.nameUUIDFromBytes((detector + '\u0000' + entity + '\u0000' + evidenceKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
