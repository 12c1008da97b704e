package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;

/**
 * Which of an instance's volumes still need a snapshot for this finding.
 *
 * @param existing snapshots already taken for this finding, by volume (from any playbook or earlier run)
 */
record SnapshotPlan(InstanceView instance, Map<String, Snapshot> existing, List<String> toSnapshot) {

    static SnapshotPlan of(InstanceView instance, Ec2Reads reads, String findingId) {
        Map<String, Snapshot> existing = new LinkedHashMap<>();
        for (String volume : instance.volumeIds()) {
            reads.snapshotsForFinding(volume, findingId).stream().filter(s -> s.state() != SnapshotState.ERROR).findFirst().ifPresent(s -> existing.put(volume, s));
        }
        List<String> toSnapshot = instance.volumeIds().stream().filter(v -> !existing.containsKey(v)).toList();
        return new SnapshotPlan(instance, existing, toSnapshot);
    }

    String calls(ActionContext ctx) {
        return String.join("; ", toSnapshot.stream().map(v -> "ec2:CreateSnapshot " + v + " of " + instance.id()
                + " tagged " + Ec2Tags.describe(Ec2Tags.of(ctx))).toList())
                + "; ec2:DescribeSnapshots until completed (at most " + ctx.timeout() + ")";
    }

    String whyNothingToDo() {
        return instance.volumeIds().isEmpty()
                ? "no EBS volume attached to " + instance.id()
                : "already snapshotted for this finding: " + String.join(", ", existing.entrySet().stream()
                        .map(e -> e.getKey() + " -> " + e.getValue().snapshotId() + " (" + e.getValue().stateAsString() + ")").toList());
    }

    Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("instance", instance.id());
        d.put("volumes", String.join(",", instance.volumeIds()));
        existing.forEach((v, s) -> d.put("snapshot." + v, s.snapshotId()));
        return d;
    }
}
