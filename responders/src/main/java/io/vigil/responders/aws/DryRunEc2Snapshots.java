package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.evidence.Snapshots;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Dry run of {@link Ec2Snapshots}: finds the attached volumes and the snapshots already taken for the
 * finding, and asks EC2 with {@code DryRun=true} whether each missing snapshot would be allowed.
 */
public final class DryRunEc2Snapshots implements Snapshots {
    private final Ec2Client ec2;
    private final Ec2Reads reads;

    public DryRunEc2Snapshots(Ec2Client ec2) {
        this.ec2 = ec2;
        this.reads = new Ec2Reads(ec2);
    }

    @Override
    public Outcome snapshotVolumes(String instanceId, ActionContext ctx) {
        SnapshotPlan plan = SnapshotPlan.of(reads.instance(instanceId), reads, ctx.findingId());
        if (plan.toSnapshot().isEmpty()) {
            return Outcome.skipped(plan.whyNothingToDo(), plan.details());
        }
        List<String> checks = plan.toSnapshot().stream().map(v -> "CreateSnapshot " + v + " "
                + AwsErrors.dryRun("ec2:CreateSnapshot", () -> ec2.createSnapshot(r -> r.dryRun(true).volumeId(v)))).toList();
        Map<String, String> details = new LinkedHashMap<>(plan.details());
        details.put("dry_run_checks", String.join("; ", checks));
        return Outcome.planned(plan.calls(ctx), details);
    }
}
