package io.vigil.responders.playbook;

import java.util.OptionalInt;

/**
 * A playbook's reach per rolling hour: how many distinct instances ({@code max_instances_per_hour}) and
 * credentials — access keys, users, roles — ({@code max_keys_per_hour}) its steps may change before the
 * next one waits for a person's approval. A runaway detector or a forged flood of findings then quarantines
 * a handful of instances, not the fleet.
 */
public record BlastRadius(OptionalInt maxInstancesPerHour, OptionalInt maxKeysPerHour) {
    public static final BlastRadius NONE = new BlastRadius(OptionalInt.empty(), OptionalInt.empty());
}
