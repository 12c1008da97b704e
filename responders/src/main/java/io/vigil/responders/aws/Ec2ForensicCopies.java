package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.evidence.ForensicCopies;
import io.vigil.responders.evidence.ForensicTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

/**
 * Hands an instance's evidence to the forensic account: copies each snapshot taken for the finding,
 * re-encrypted with the forensic account's KMS key ({@code CopySnapshot Encrypted=true KmsKeyId=…}), waits
 * for the copies, and shares them ({@code ModifySnapshotAttribute createVolumePermission}) with that account,
 * which then copies them into its own custody. The originals stay, tagged, in this account.
 *
 * <p>Why: evidence left in a compromised account can be deleted by the intruder; a copy only the forensic
 * account's key can read, owned by that account once it copies the share, cannot (NIST SP 800-86 3.1.2;
 * AWS Security Incident Response Guide, "Acquire": share snapshots with a forensic account).
 */
public final class Ec2ForensicCopies implements ForensicCopies {
    private final Ec2Client ec2;
    private final Optional<ForensicTarget> target;

    public Ec2ForensicCopies(Ec2Client ec2, Optional<ForensicTarget> target) {
        this.ec2 = ec2;
        this.target = target;
    }

    /** Why no copy can be made, if so: there is no forensic account configured. */
    static Optional<Outcome> unconfigured(Optional<ForensicTarget> target, String instanceId) {
        return target.isPresent() ? Optional.empty() : Optional.of(Outcome.skipped("no forensic account configured "
                + "(vigil respond --forensic-account and --forensic-kms-key); the snapshots of " + instanceId + " stay in this account only", Map.of()));
    }

    @Override
    public Outcome copyToForensics(String instanceId, ActionContext ctx) {
        Optional<Outcome> none = unconfigured(target, instanceId);
        if (none.isPresent()) {
            return none.get();
        }
        ForensicTarget t = target.get();
        ForensicCopyPlan plan = ForensicCopyPlan.of(ec2, instanceId, t, ctx);
        if (plan.done()) {
            return Outcome.skipped("already copied and shared with " + t.accountId() + ": " + plan.copies().values().stream()
                    .map(Snapshot::snapshotId).toList(), plan.details());
        }
        String region = ec2.serviceClientConfiguration().region().id();
        Map<String, String> details = new LinkedHashMap<>(plan.details());
        List<String> copies = new ArrayList<>();
        try {
            for (Snapshot s : plan.sources()) {
                Snapshot existing = plan.copies().get(s.snapshotId());
                String copy = existing != null ? existing.snapshotId() : copy(s, region, t, instanceId, ctx);
                details.put("copy." + s.snapshotId(), copy);
                copies.add(copy);
            }
            awaitCompleted(copies, ctx);
            for (String copy : copies) {
                if (!plan.shared().contains(copy)) {
                    ec2.modifySnapshotAttribute(r -> r.snapshotId(copy).attribute("createVolumePermission").operationType("add")
                            .userIds(t.accountId()));
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.classify("copying the evidence of " + instanceId + " to " + t.accountId()
                    + (copies.isEmpty() ? "" : " (copies so far: " + String.join(",", copies) + ")"), e);
        }
        details.put("shared_with", t.accountId());
        return Outcome.executed(String.join("; ", plan.calls(ctx)), details);
    }

    private String copy(Snapshot source, String region, ForensicTarget t, String instanceId, ActionContext ctx) {
        List<Tag> tags = new ArrayList<>(Ec2Tags.of(ctx));
        tags.add(Ec2Tags.tag("vigil:instance", instanceId));
        tags.add(Ec2Tags.tag(ForensicCopyPlan.COPY_OF, source.snapshotId()));
        return ec2.copySnapshot(r -> r.sourceSnapshotId(source.snapshotId()).sourceRegion(region).presignedUrl(Ec2ForensicCopies.presignedUrl(ec2)).encrypted(true).kmsKeyId(t.kmsKeyId())
                .description("Vigil forensic copy of " + source.snapshotId() + " (case " + ctx.caseId() + ") for " + t.accountId())
                .tagSpecifications(Ec2Tags.spec(ResourceType.SNAPSHOT, tags))).snapshotId();
    }

    /**
     * The SDK presigns CopySnapshot for the source region, working the destination region out of the endpoint's
     * host name; an emulator on an IP address has none, so there the (same-region, unneeded) presigned URL is
     * given as empty, which the SDK leaves alone. Against AWS the SDK presigns as usual.
     */
    static String presignedUrl(Ec2Client ec2) {
        return ec2.serviceClientConfiguration().endpointOverride().isPresent() ? "" : null;
    }

    private void awaitCompleted(List<String> snapshotIds, ActionContext ctx) {
        try (Ec2Waiter waiter = Ec2Waiter.builder().client(ec2).build()) {
            waiter.waitUntilSnapshotCompleted(r -> r.snapshotIds(snapshotIds), o -> o.waitTimeout(ctx.timeout()));
        } catch (SdkException e) {
            throw new ActionException("forensic copies " + snapshotIds + " did not complete within " + ctx.timeout() + ": "
                    + AwsErrors.describe(e), true, e);
        }
    }
}
