package io.vigil.responders.playbook;

import java.util.List;

/**
 * A named, ordered response to a kind of finding, loaded from YAML.
 *
 * @param source where it was loaded from (classpath resource or file), for errors and the ledger
 */
public record Playbook(String name, String description, String source, PlaybookMatch match, List<PlaybookStep> steps, Governance governance) {

    public Playbook {
        steps = List.copyOf(steps);
    }

    public Playbook(String name, String description, String source, PlaybookMatch match, List<PlaybookStep> steps) {
        this(name, description, source, match, steps, Governance.NONE);
    }
}
