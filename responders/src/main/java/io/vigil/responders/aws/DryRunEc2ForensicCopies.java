package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.evidence.ForensicCopies;
import io.vigil.responders.evidence.ForensicTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/** Dry run of {@link Ec2ForensicCopies}: reads the finding's snapshots and prints the copies and shares it would make. */
public final class DryRunEc2ForensicCopies implements ForensicCopies {
    private final Ec2Client ec2;
    private final Optional<ForensicTarget> target;

    public DryRunEc2ForensicCopies(Ec2Client ec2, Optional<ForensicTarget> target) {
        this.ec2 = ec2;
        this.target = target;
    }

    @Override
    public Outcome copyToForensics(String instanceId, ActionContext ctx) {
        Optional<Outcome> none = Ec2ForensicCopies.unconfigured(target, instanceId);
        if (none.isPresent()) {
            return none.get();
        }
        ForensicTarget t = target.get();
        ForensicCopyPlan plan;
        try {
            plan = ForensicCopyPlan.of(ec2, instanceId, t, ctx);
        } catch (io.vigil.responders.action.ActionException e) {
            // in a dry run the snapshot step only planned its snapshots, so there is nothing to read yet
            return Outcome.planned("ec2:CopySnapshot of each snapshot the volume.snapshot step takes of " + instanceId + " Encrypted=true KmsKeyId="
                    + t.kmsKeyId() + "; ec2:ModifySnapshotAttribute CreateVolumePermission add UserId=" + t.accountId(), Map.of("instance", instanceId));
        }
        if (plan.done()) {
            return Outcome.skipped("already copied and shared with " + t.accountId() + ": " + plan.copies().values().stream()
                    .map(Snapshot::snapshotId).toList(), plan.details());
        }
        Map<String, String> details = new LinkedHashMap<>(plan.details());
        String region = ec2.serviceClientConfiguration().region().id();
        Snapshot first = plan.sources().get(0);
        details.put("dry_run_checks", "CopySnapshot " + AwsErrors.dryRun("ec2:CopySnapshot", () -> ec2.copySnapshot(r -> r.dryRun(true)
                .sourceSnapshotId(first.snapshotId()).sourceRegion(region).presignedUrl(Ec2ForensicCopies.presignedUrl(ec2)).encrypted(true).kmsKeyId(t.kmsKeyId()))));
        return Outcome.planned(String.join("; ", plan.calls(ctx)), details);
    }
}
