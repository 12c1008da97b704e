package io.vigil.responders.playbook;

import io.vigil.schemas.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A step's {@code when:}: every given test must hold for the step to run.
 *
 * @param evidenceHas   a key that must be present and non-blank in {@code evidence.observed}
 * @param entityMatches a glob the entity must match, e.g. {@code arn:aws:iam::*:user/*}
 */
public record StepCondition(Optional<String> evidenceHas, Optional<Glob> entityMatches) {

    public static final StepCondition ALWAYS = new StepCondition(Optional.empty(), Optional.empty());

    public boolean test(Finding f) {
        boolean evidence = evidenceHas.map(k -> {
            String v = f.getEvidence().getObserved().get(k);
            return v != null && !v.isBlank();
        }).orElse(true);
        return evidence && entityMatches.map(g -> g.matches(f.getEntity())).orElse(true);
    }

    /** The condition in words, for the ledger entry of a step it skipped. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        evidenceHas.ifPresent(k -> parts.add("evidence.observed has " + k));
        entityMatches.ifPresent(g -> parts.add("entity matches " + g));
        return parts.isEmpty() ? "always" : String.join(" and ", parts);
    }
}
