package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.evidence.ForensicTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.ec2.model.SnapshotState;

/**
 * What handing an instance's evidence to the forensic account still takes: per snapshot of the finding,
 * the copy (made already, or to make) and whether it is shared yet.
 *
 * @param copies source snapshot → its copy, when one exists
 * @param shared copies already shared with the forensic account
 */
record ForensicCopyPlan(String instanceId, ForensicTarget target, List<Snapshot> sources, Map<String, Snapshot> copies, List<String> shared) {
    static final String COPY_OF = "vigil:copy-of";

    static ForensicCopyPlan of(Ec2Client ec2, String instanceId, ForensicTarget target, ActionContext ctx) {
        try {
            List<Snapshot> sources = ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").filters(
                            Filter.builder().name("tag:" + Ec2Tags.FINDING).values(Ec2Tags.tag(Ec2Tags.FINDING, ctx.findingId()).value()).build(),
                            Filter.builder().name("tag:vigil:instance").values(instanceId).build()))
                    .snapshots().stream().filter(s -> s.state() != SnapshotState.ERROR)
                    .filter(s -> s.tags().stream().noneMatch(t -> t.key().equals(COPY_OF))).toList();
            if (sources.isEmpty()) {
                throw new ActionException("no snapshot of " + instanceId + " for finding " + ctx.findingId()
                        + " to copy: the evidence was not captured (run volume.snapshot first)", false, null);
            }
            Map<String, Snapshot> copies = new LinkedHashMap<>();
            List<String> shared = new ArrayList<>();
            for (Snapshot s : sources) {
                Optional<Snapshot> copy = ec2.describeSnapshots(r -> r.ownerIds("self").filters(
                        Filter.builder().name("tag:" + COPY_OF).values(s.snapshotId()).build())).snapshots().stream()
                        .filter(c -> c.state() != SnapshotState.ERROR).findFirst();
                copy.ifPresent(c -> {
                    copies.put(s.snapshotId(), c);
                    boolean isShared = ec2.describeSnapshotAttribute(r -> r.snapshotId(c.snapshotId()).attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION))
                            .createVolumePermissions().stream().anyMatch(p -> target.accountId().equals(p.userId()));
                    if (isShared) {
                        shared.add(c.snapshotId());
                    }
                });
            }
            return new ForensicCopyPlan(instanceId, target, sources, copies, shared);
        } catch (SdkException e) {
            throw AwsErrors.classify("reading the evidence snapshots of " + instanceId, e);
        }
    }

    boolean done() {
        return copies.size() == sources.size() && shared.size() == copies.size();
    }

    List<String> calls(ActionContext ctx) {
        List<String> calls = new ArrayList<>();
        for (Snapshot s : sources) {
            Snapshot copy = copies.get(s.snapshotId());
            if (copy == null) {
                calls.add("ec2:CopySnapshot " + s.snapshotId() + " Encrypted=true KmsKeyId=" + target.kmsKeyId() + " tagged "
                        + Ec2Tags.describe(Ec2Tags.of(ctx)) + ", " + COPY_OF + "=" + s.snapshotId());
            }
            if (copy == null || !shared.contains(copy.snapshotId())) {
                calls.add("ec2:ModifySnapshotAttribute " + (copy == null ? "(the copy of " + s.snapshotId() + ")" : copy.snapshotId())
                        + " CreateVolumePermission add UserId=" + target.accountId());
            }
        }
        calls.add("ec2:DescribeSnapshots until the copies completed (at most " + ctx.timeout() + ")");
        return calls;
    }

    Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("instance", instanceId);
        d.put("forensic_account", target.accountId());
        d.put("forensic_kms_key", target.kmsKeyId());
        copies.forEach((src, c) -> d.put("copy." + src, c.snapshotId()));
        return d;
    }
}
