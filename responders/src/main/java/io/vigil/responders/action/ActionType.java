package io.vigil.responders.action;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The actions a playbook step can name, with their stable names (as written in YAML and in
 * {@code response.actions}) and the entity types each can act on.
 */
public enum ActionType {
    INSTANCE_CONTAIN("instance.contain", Set.of(EntityType.INSTANCE)),
    /**
     * Detaches an instance from its Auto Scaling group (a replacement is launched; the group can no longer
     * terminate the evidence) and deregisters it from its load balancer target groups; restored by instance.restore.
     */
    INSTANCE_REMOVE_FROM_SERVICE("instance.remove_from_service", Set.of(EntityType.INSTANCE)),
    VOLUME_SNAPSHOT("volume.snapshot", Set.of(EntityType.INSTANCE)),
    /**
     * Compares the finding's snapshots with each volume's previous snapshot (changed blocks) and with each other
     * (changes no peer shares), through the EBS direct APIs; read-only, recorded with the case.
     */
    VOLUME_COMPARE("volume.compare", Set.of(EntityType.INSTANCE)),
    /** Locks the finding's snapshots against deletion (EBS snapshot lock, compliance mode), for a legal hold. */
    VOLUME_LOCK("volume.lock", Set.of(EntityType.INSTANCE)),
    /** Puts the configured log objects of the finding's time under S3 Object Lock legal hold. */
    LOGS_LEGAL_HOLD("logs.legal_hold", Set.of(EntityType.values())),
    /** Copies the finding's snapshots re-encrypted with the forensic KMS key and shares them with the forensic account. */
    VOLUME_FORENSIC_COPY("volume.forensic_copy", Set.of(EntityType.INSTANCE)),
    CREDENTIALS_DEACTIVATE_KEY("credentials.deactivate_key", Set.of(EntityType.PRINCIPAL)),
    CREDENTIALS_DENY_USER("credentials.deny_user", Set.of(EntityType.PRINCIPAL)),
    CREDENTIALS_REVOKE_SESSIONS("credentials.revoke_sessions", Set.of(EntityType.PRINCIPAL)),
    NOTIFY_CASE("notify.case", Set.of(EntityType.values())),
    /**
     * Stops (never terminates) an instance, e.g. one whose compromise must end now; only after a
     * {@code volume.snapshot} step of the same playbook preserved its disks, never when that failed.
     */
    INSTANCE_STOP("instance.stop", Set.of(EntityType.INSTANCE)),
    /**
     * Puts back what the case's {@code instance.contain} replaced (security groups, instance profile, termination
     * protection), or the service membership its {@code instance.remove_from_service} took away.
     */
    INSTANCE_RESTORE("instance.restore", Set.of(EntityType.INSTANCE)),
    /** Reactivates the keys the case deactivated and lifts the deny-all it attached; session revocations stay. */
    CREDENTIALS_RESTORE("credentials.restore", Set.of(EntityType.PRINCIPAL)),
    /**
     * Returns a drifted cloud resource (security group, bucket, trail: the finding's entity) to its baseline,
     * from the finding's changed settings; recorded as REVERTED, with what it replaced.
     */
    CONFIG_REVERT("config.revert", Set.of(EntityType.OTHER)),
    /** Undoes a {@code config.revert}: puts back the settings it replaced (the drift). */
    CONFIG_RESTORE("config.restore", Set.of(EntityType.OTHER));

    private final String yamlName;
    private final Set<EntityType> targets;

    ActionType(String yamlName, Set<EntityType> targets) {
        this.yamlName = yamlName;
        this.targets = targets;
    }

    public String yamlName() {
        return yamlName;
    }

    /**
     * Restores give back what containment took away, and a drift revert overwrites a change someone made (often a
     * legitimate one that skipped review), so a person always approves them first.
     */
    public boolean alwaysNeedsApproval() {
        return this == INSTANCE_RESTORE || this == CREDENTIALS_RESTORE || this == CONFIG_REVERT || this == CONFIG_RESTORE;
    }

    /** Whether the action changes the cloud on its own initiative, so blast-radius limits and scope apply to it. */
    public boolean changesTheCloud() {
        return this != NOTIFY_CASE && this != VOLUME_COMPARE && !alwaysNeedsApproval();
    }

    /** Whether the action changes an instance (counted per instance) rather than a credential (counted per principal). */
    public boolean onInstances() {
        return actsOn(EntityType.INSTANCE) && !actsOn(EntityType.PRINCIPAL);
    }

    public boolean actsOn(EntityType type) {
        return targets.contains(type);
    }

    public static Optional<ActionType> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.yamlName.equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ActionType::yamlName).toList());
    }
}
