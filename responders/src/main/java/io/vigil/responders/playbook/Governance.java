package io.vigil.responders.playbook;

import java.util.Optional;

/**
 * Who answers for a playbook and what its approvals demand.
 *
 * @param configuredBy who configured the playbook ({@code configured_by}); with four eyes, they may not approve its steps
 * @param fourEyes     approvals of its steps must come from someone other than the requester and the configurer
 */
public record Governance(Optional<String> configuredBy, boolean fourEyes) {
    public static final Governance NONE = new Governance(Optional.empty(), false);
}
