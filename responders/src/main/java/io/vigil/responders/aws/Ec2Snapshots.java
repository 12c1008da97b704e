package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.evidence.Snapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

/**
 * Snapshots every EBS volume attached to an instance, tagged with the case and finding, and waits until
 * the snapshots complete, within the step's timeout.
 *
 * <p>Why: a snapshot is a point-in-time copy of the disk taken without touching the instance, so the
 * evidence survives whatever the attacker or a later remediation does (ATT&CK T1485 data destruction,
 * T1070 indicator removal). Reference: AWS Security Incident Response Guide, "Acquire: EBS snapshots";
 * NIST SP 800-86 section 3.1.2 (acquiring data).
 */
public final class Ec2Snapshots implements Snapshots {
    private final Ec2Client ec2;
    private final Ec2Reads reads;

    public Ec2Snapshots(Ec2Client ec2) {
        this.ec2 = ec2;
        this.reads = new Ec2Reads(ec2);
    }

    @Override
    public Outcome snapshotVolumes(String instanceId, ActionContext ctx) {
        SnapshotPlan plan = SnapshotPlan.of(reads.instance(instanceId), reads, ctx.findingId());
        if (plan.toSnapshot().isEmpty()) {
            return Outcome.skipped(plan.whyNothingToDo(), plan.details());
        }
        Map<String, String> details = new LinkedHashMap<>(plan.details());
        List<String> created = new ArrayList<>();
        List<Tag> tags = new ArrayList<>(Ec2Tags.of(ctx));
        tags.add(Ec2Tags.tag("vigil:instance", instanceId));
        for (String volume : plan.toSnapshot()) {
            try {
                String id = ec2.createSnapshot(r -> r.volumeId(volume)
                        .description("Vigil evidence: case " + ctx.caseId() + ", " + instanceId + " " + volume)
                        .tagSpecifications(Ec2Tags.spec(ResourceType.SNAPSHOT, tags))).snapshotId();
                created.add(id);
                details.put("snapshot." + volume, id);
            } catch (SdkException e) {
                throw AwsErrors.classify("snapshotting " + volume + " of " + instanceId
                        + (created.isEmpty() ? "" : " (already created: " + String.join(",", created) + ")"), e);
            }
        }
        awaitCompleted(created, ctx);
        return Outcome.executed(plan.calls(ctx), details);
    }

    private void awaitCompleted(List<String> snapshotIds, ActionContext ctx) {
        try (Ec2Waiter waiter = Ec2Waiter.builder().client(ec2).build()) {
            waiter.waitUntilSnapshotCompleted(r -> r.snapshotIds(snapshotIds), o -> o.waitTimeout(ctx.timeout()));
        } catch (SdkException e) {
            // pending snapshots go on in the background and a re-run finds them by their finding tag; failed
            // ones are ignored by that search, so a re-run takes them again
            throw new ActionException("snapshots " + snapshotIds + " did not complete within " + ctx.timeout() + ": "
                    + AwsErrors.describe(e), true, e);
        }
    }
}
