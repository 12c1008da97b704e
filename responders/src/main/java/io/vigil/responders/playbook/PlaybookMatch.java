package io.vigil.responders.playbook;

import io.vigil.responders.action.EntityType;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which findings a playbook answers. Every given criterion must hold; empty sets mean "any".
 *
 * @param detectors        globs of which at least one must match the detector
 * @param excludeDetectors globs (written {@code !pattern} in YAML) none of which may match
 * @param minSeverity      the least severe finding answered
 * @param maxSeverity      the most severe finding answered (so a triage playbook can leave HIGH to containment)
 * @param tags             tags the finding must all carry
 */
public record PlaybookMatch(List<Glob> detectors, List<Glob> excludeDetectors, Severity minSeverity, Severity maxSeverity,
                            Set<EntityType> entityTypes, Optional<FindingKind> kind, Set<String> tags, Set<String> accounts) {

    public boolean matches(Finding f) {
        return detectors.stream().anyMatch(g -> g.matches(f.getDetector()))
                && excludeDetectors.stream().noneMatch(g -> g.matches(f.getDetector()))
                && f.getSeverity().ordinal() >= minSeverity.ordinal()
                && f.getSeverity().ordinal() <= maxSeverity.ordinal()
                && (entityTypes.isEmpty() || entityTypes.contains(EntityType.of(f.getEntity())))
                && kind.map(k -> k == f.getKind()).orElse(true)
                && f.getTags().containsAll(tags)
                && (accounts.isEmpty() || (f.getAccount() != null && accounts.contains(f.getAccount())));
    }
}
