package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.contain.Containment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Isolates an EC2 instance: tags it with the case and its current security groups (the restore record),
 * protects it from termination (evidence must survive), moves it through the untrack group into the
 * quarantine group of its VPC (the two-step swap that also cuts established connections), and detaches
 * its instance profile (so stolen instance credentials stop working on refresh).
 *
 * <p>Why: stops command and control, lateral movement and exfiltration while keeping the instance, its
 * memory and disks for forensics. ATT&CK mitigations M1030 (network segmentation) and M1018 (user account
 * management) against T1041, T1021, T1552.005 (cloud instance metadata API). Reference: AWS Security
 * Incident Response Guide, "Contain: isolate EC2 instances"; NIST SP 800-61r2 section 3.3.1.
 */
public final class Ec2Containment implements Containment {
    private final Ec2Client ec2;
    private final ContainmentPlanner planner;
    private final QuarantineGroups groups;
    private final Ec2Reads reads;

    public Ec2Containment(Ec2Client ec2) {
        this.ec2 = ec2;
        this.reads = new Ec2Reads(ec2);
        this.planner = new ContainmentPlanner(reads);
        this.groups = new QuarantineGroups(ec2, reads);
    }

    @Override
    public Outcome isolateInstance(String instanceId, ActionContext ctx) {
        ContainmentPlan plan = planner.plan(instanceId);
        if (plan.alreadyContained()) {
            return Outcome.skipped("already contained: " + instanceId + " is only in " + plan.quarantineGroup().orElseThrow()
                    + ", protected from termination, without instance profile", plan.details());
        }
        InstanceView i = plan.instance();
        Map<String, String> details = new LinkedHashMap<>(plan.details());
        try {
            List<Tag> tags = new ArrayList<>(Ec2Tags.of(ctx));
            if (plan.recordPrevious()) {
                tags.add(Ec2Tags.tag(Ec2Tags.PREVIOUS_GROUPS, String.join(",", plan.previousGroups())));
            }
            ec2.createTags(r -> r.resources(instanceId).tags(tags));
            if (plan.quarantineLeaks()) {
                groups.close(plan.quarantine().orElseThrow());
            }
            String quarantine = plan.quarantineGroup().orElseGet(() -> groups.quarantine(i.vpcId(), ctx));
            details.put("quarantine_group", quarantine);
            if (plan.protect()) {
                ec2.modifyInstanceAttribute(r -> r.instanceId(instanceId).disableApiTermination(b -> b.value(true)));
            }
            if (plan.swap()) {
                String untrack = plan.untrackGroup().orElseGet(() -> groups.untrack(i.vpcId(), ctx));
                swap(i, untrack);
                swap(i, quarantine);
            }
            plan.detach().ifPresent(a -> ec2.disassociateIamInstanceProfile(r -> r.associationId(a.associationId())));
        } catch (SdkException e) {
            throw AwsErrors.classify("isolating " + instanceId, e);
        }
        return Outcome.executed(String.join("; ", plan.calls(ctx)), details);
    }

    @Override
    public Outcome restoreInstance(String instanceId, Map<String, String> recorded, ActionContext ctx) {
        RestorePlan plan = RestorePlan.of(reads.instance(instanceId), recorded);
        if (plan.nothingToDo()) {
            return Outcome.skipped("already restored: " + instanceId + " has its recorded security groups, profile and termination protection",
                    plan.details());
        }
        try {
            plan.groups().forEach((where, groups) -> {
                if (where.equals(instanceId)) {
                    ec2.modifyInstanceAttribute(r -> r.instanceId(instanceId).groups(groups));
                } else {
                    ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(where).groups(groups));
                }
            });
            plan.associate().ifPresent(arn -> ec2.associateIamInstanceProfile(r -> r.instanceId(instanceId).iamInstanceProfile(p -> p.arn(arn))));
            if (plan.unprotect()) {
                ec2.modifyInstanceAttribute(r -> r.instanceId(instanceId).disableApiTermination(b -> b.value(false)));
            }
            ec2.createTags(r -> r.resources(instanceId).tags(Ec2Tags.tag(RestorePlan.RESTORED, ctx.caseId())));
        } catch (SdkException e) {
            throw AwsErrors.classify("restoring " + instanceId, e);
        }
        return Outcome.executed(String.join("; ", plan.calls(ctx.caseId())), plan.details());
    }

    @Override
    public Outcome stopInstance(String instanceId, ActionContext ctx) {
        String state = reads.state(instanceId);
        Map<String, String> details = Map.of("instance", instanceId, "state_before", state);
        if (Set.of("stopping", "stopped", "shutting-down", "terminated").contains(state)) {
            return Outcome.skipped(instanceId + " is already " + state, details);
        }
        try {
            ec2.createTags(r -> r.resources(instanceId).tags(Ec2Tags.of(ctx)));
            ec2.stopInstances(r -> r.instanceIds(instanceId));
        } catch (SdkException e) {
            throw AwsErrors.classify("stopping " + instanceId, e);
        }
        return Outcome.executed("ec2:CreateTags " + instanceId + " " + Ec2Tags.describe(Ec2Tags.of(ctx)) + "; ec2:StopInstances " + instanceId, details);
    }

    @Override
    public Map<String, String> tags(String instanceId) {
        return reads.instance(instanceId).tags();
    }

    private void swap(InstanceView i, String group) {
        if (i.multiHomed()) {
            // EC2 refuses instance-level group changes for instances with several interfaces
            i.interfaceGroups().keySet().forEach(eni -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).groups(group)));
        } else {
            ec2.modifyInstanceAttribute(r -> r.instanceId(i.id()).groups(group));
        }
    }
}
