package io.vigil.responders.playbook;

import java.util.Optional;

/**
 * Who answers for a playbook, what its approvals demand, and how far it may reach on its own.
 *
 * @param configuredBy who configured the playbook ({@code configured_by}); with four eyes, they may not approve its steps
 * @param fourEyes     approvals of its steps must come from someone other than the requester and the configurer
 * @param limits       how many instances and credentials it may change per hour before a person must approve more
 * @param scope        the accounts and instance tags it may act on at all
 */
public record Governance(Optional<String> configuredBy, boolean fourEyes, BlastRadius limits, Scope scope) {
    public static final Governance NONE = new Governance(Optional.empty(), false, BlastRadius.NONE, Scope.ANY);

    public Governance(Optional<String> configuredBy, boolean fourEyes) {
        this(configuredBy, fourEyes, BlastRadius.NONE, Scope.ANY);
    }
}
