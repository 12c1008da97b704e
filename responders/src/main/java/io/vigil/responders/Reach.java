package io.vigil.responders;

import io.vigil.responders.action.ActionType;
import io.vigil.responders.playbook.BlastRadius;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What each playbook changed in the last hour — distinct instances, distinct principals — for its
 * blast-radius limits. Fed by this process's executed steps and, at start, by the ledger's, so a restart
 * does not reset the count.
 */
final class Reach {
    static final Duration WINDOW = Duration.ofHours(1);

    private record Touch(Instant at, boolean instance, String entity) {}

    private final Map<String, Deque<Touch>> byPlaybook = new HashMap<>();

    synchronized void record(String playbook, ActionType action, String entity, Instant at) {
        if (action.changesTheCloud()) {
            byPlaybook.computeIfAbsent(playbook, p -> new ArrayDeque<>()).add(new Touch(at, action.onInstances(), entity));
        }
    }

    /** Why acting on {@code entity} now would go beyond the playbook's limits, if it would. */
    synchronized Optional<String> wouldExceed(String playbook, BlastRadius limits, ActionType action, String entity, Instant now) {
        if (!action.changesTheCloud()) {
            return Optional.empty();
        }
        boolean instance = action.onInstances();
        OptionalInt max = instance ? limits.maxInstancesPerHour() : limits.maxKeysPerHour();
        if (max.isEmpty()) {
            return Optional.empty();
        }
        Set<String> touched = new HashSet<>();
        Deque<Touch> touches = byPlaybook.getOrDefault(playbook, new ArrayDeque<>());
        touches.removeIf(t -> t.at().isBefore(now.minus(WINDOW)));
        touches.stream().filter(t -> t.instance() == instance).forEach(t -> touched.add(t.entity()));
        if (touched.contains(entity) || touched.size() < max.getAsInt()) {
            return Optional.empty();
        }
        return Optional.of("blast radius: playbook " + playbook + " already changed " + touched.size() + (instance ? " instances" : " principals")
                + " in the last hour (max_" + (instance ? "instances" : "keys") + "_per_hour " + max.getAsInt() + "); a person must approve more");
    }
}
