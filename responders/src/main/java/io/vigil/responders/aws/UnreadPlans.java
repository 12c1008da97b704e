package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.contain.Containment;
import io.vigil.responders.credentials.Credentials;
import io.vigil.responders.evidence.Snapshots;
import java.util.Map;

/**
 * Dry run when the cloud cannot be read at all (no credentials or no region, as in the one-machine demo):
 * plans from the finding alone, says why the current state is unknown, and makes no call.
 */
public final class UnreadPlans implements Containment, Snapshots, Credentials, io.vigil.responders.evidence.ForensicCopies,
        io.vigil.responders.revert.DriftReverts, io.vigil.responders.contain.ServiceMembership,
        io.vigil.responders.evidence.SnapshotComparison, io.vigil.responders.evidence.LegalHold {
    private final String why;

    /** @param why why the cloud cannot be read, recorded with every plan */
    public UnreadPlans(String why) {
        this.why = why;
    }

    @Override
    public Outcome isolateInstance(String instanceId, ActionContext ctx) {
        return planned("ec2:CreateTags " + instanceId + " (case, finding, current security groups); ec2:CreateSecurityGroup "
                + ContainmentPlan.QUARANTINE + " and " + ContainmentPlan.UNTRACK + " in its VPC if missing; ec2:ModifyInstanceAttribute "
                + instanceId + " DisableApiTermination=true; ec2:ModifyInstanceAttribute " + instanceId + " Groups=[" + ContainmentPlan.UNTRACK
                + "] then Groups=[" + ContainmentPlan.QUARANTINE + "]; ec2:DisassociateIamInstanceProfile of its profile, if any");
    }

    @Override
    public Outcome snapshotVolumes(String instanceId, ActionContext ctx) {
        return planned("ec2:CreateSnapshot of every EBS volume attached to " + instanceId + " tagged " + Ec2Tags.describe(Ec2Tags.of(ctx))
                + "; ec2:DescribeSnapshots until completed (at most " + ctx.timeout() + ")");
    }

    @Override
    public Outcome revert(io.vigil.responders.revert.DriftDiff diff, ActionContext ctx) {
        return planned("read " + diff.resourceType() + " " + diff.resourceId() + " and, where it still shows what the finding saw, return each of its "
                + diff.settings().size() + " changed setting(s) to the baseline (the exact calls depend on its current state)");
    }

    @Override
    public Outcome undo(String resourceId, Map<String, String> recorded, ActionContext ctx) {
        return planned("put back on " + resourceId + " what the revert replaced (" + recorded.keySet().stream().filter(k -> k.startsWith("undo.")).toList() + ")");
    }

    @Override
    public Outcome lockSnapshots(String instanceId, ActionContext ctx) {
        return planned("ec2:LockSnapshot LockMode=compliance of each snapshot tagged vigil:finding=" + ctx.findingId());
    }

    @Override
    public Outcome holdLogs(java.time.Instant from, java.time.Instant to, ActionContext ctx) {
        return planned("s3:PutObjectLegalHold Status=ON on the configured log objects written between " + from + " and " + to);
    }

    @Override
    public Outcome compare(String instanceId, ActionContext ctx) {
        return planned("ebs:ListChangedBlocks from each volume's last snapshot to the finding's snapshot of it; ebs:GetSnapshotBlock checksums "
                + "of the changed blocks across the finding's snapshots");
    }

    @Override
    public Outcome removeFromService(String instanceId, ActionContext ctx) {
        return planned("autoscaling:DetachInstances " + instanceId + " from its Auto Scaling group, if any, ShouldDecrementDesiredCapacity=false; "
                + "elasticloadbalancing:DeregisterTargets " + instanceId + " from every target group listing it");
    }

    @Override
    public Outcome returnToService(String instanceId, Map<String, String> recorded, ActionContext ctx) {
        return planned("autoscaling:AttachInstances and elasticloadbalancing:RegisterTargets " + instanceId + " back where it was (" + recorded + ")");
    }

    @Override
    public Outcome copyToForensics(String instanceId, ActionContext ctx) {
        return planned("ec2:CopySnapshot of each snapshot of " + instanceId + " for this finding, Encrypted=true with the forensic KMS key; "
                + "ec2:ModifySnapshotAttribute CreateVolumePermission add the forensic account");
    }

    @Override
    public Outcome deactivateAccessKey(String accessKeyId, ActionContext ctx) {
        return planned("iam:UpdateAccessKey AccessKeyId=" + accessKeyId + " Status=Inactive (for the user iam:GetAccessKeyLastUsed names)");
    }

    @Override
    public Outcome denyAllForUser(String userName, ActionContext ctx) {
        return planned("iam:PutUserPolicy UserName=" + userName + " PolicyName=" + IamPolicies.DENY_ALL + " (Deny * on *)");
    }

    @Override
    public Outcome revokeRoleSessions(String roleName, ActionContext ctx) {
        return planned("iam:PutRolePolicy RoleName=" + roleName + " PolicyName=" + IamPolicies.REVOKE_OLDER_SESSIONS
                + " (Deny * when aws:TokenIssueTime < now)");
    }

    @Override
    public Outcome restoreInstance(String instanceId, Map<String, String> recorded, ActionContext ctx) {
        return planned("ec2:ModifyInstanceAttribute " + instanceId + " Groups=[" + recorded.getOrDefault("previous_security_groups", "?")
                + "] (per interface when it has several)"
                + (recorded.containsKey("previous_instance_profile") ? "; ec2:AssociateIamInstanceProfile " + recorded.get("previous_instance_profile") : "")
                + ("false".equals(recorded.get("termination_protection_was")) ? "; ec2:ModifyInstanceAttribute DisableApiTermination=false" : "")
                + "; ec2:CreateTags " + instanceId + " " + RestorePlan.RESTORED + "=" + ctx.caseId());
    }

    @Override
    public Outcome stopInstance(String instanceId, ActionContext ctx) {
        return planned("ec2:StopInstances " + instanceId + " (only once the disks' snapshots completed)");
    }

    @Override
    public Map<String, String> tags(String instanceId) {
        return Map.of();
    }

    @Override
    public Outcome reactivateAccessKey(String accessKeyId, Map<String, String> recorded, ActionContext ctx) {
        return planned("iam:UpdateAccessKey AccessKeyId=" + accessKeyId + " Status=Active (if it was active before containment)");
    }

    @Override
    public Outcome liftUserDeny(String userName, ActionContext ctx) {
        return planned("iam:DeleteUserPolicy UserName=" + userName + " PolicyName=" + IamPolicies.DENY_ALL);
    }

    private Outcome planned(String calls) {
        return Outcome.planned(calls, Map.of("cloud_state", "unread: " + why));
    }
}
