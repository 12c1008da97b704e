package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.contain.Containment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Dry run of {@link Ec2Containment}: reads the instance and its VPC, prints the calls isolation would
 * make, and asks EC2 with {@code DryRun=true} whether the changing ones would be allowed. Changes nothing.
 */
public final class DryRunEc2Containment implements Containment {
    private final Ec2Client ec2;
    private final ContainmentPlanner planner;
    private final Ec2Reads reads;

    public DryRunEc2Containment(Ec2Client ec2) {
        this.ec2 = ec2;
        this.reads = new Ec2Reads(ec2);
        this.planner = new ContainmentPlanner(reads);
    }

    @Override
    public Outcome stopInstance(String instanceId, ActionContext ctx) {
        String state = reads.state(instanceId);
        Map<String, String> details = new LinkedHashMap<>(Map.of("instance", instanceId, "state_before", state));
        if (java.util.Set.of("stopping", "stopped", "shutting-down", "terminated").contains(state)) {
            return Outcome.skipped(instanceId + " is already " + state, details);
        }
        details.put("dry_run_checks", "StopInstances " + AwsErrors.dryRun("ec2:StopInstances", () -> ec2.stopInstances(r -> r.dryRun(true).instanceIds(instanceId))));
        return Outcome.planned("ec2:CreateTags " + instanceId + " " + Ec2Tags.describe(Ec2Tags.of(ctx)) + "; ec2:StopInstances " + instanceId
                + " (only once the disks' snapshots completed)", details);
    }

    @Override
    public Map<String, String> tags(String instanceId) {
        return reads.instance(instanceId).tags();
    }

    @Override
    public Outcome restoreInstance(String instanceId, Map<String, String> recorded, ActionContext ctx) {
        RestorePlan plan = RestorePlan.of(reads.instance(instanceId), recorded);
        if (plan.nothingToDo()) {
            return Outcome.skipped("already restored: " + instanceId + " has its recorded security groups, profile and termination protection",
                    plan.details());
        }
        Map<String, String> details = new LinkedHashMap<>(plan.details());
        plan.groups().entrySet().stream().filter(e -> e.getKey().equals(instanceId)).findFirst().ifPresent(e -> details.put("dry_run_checks",
                "ModifyInstanceAttribute Groups " + AwsErrors.dryRun("ec2:ModifyInstanceAttribute",
                        () -> ec2.modifyInstanceAttribute(r -> r.dryRun(true).instanceId(instanceId).groups(e.getValue())))));
        return Outcome.planned(String.join("; ", plan.calls(ctx.caseId())), details);
    }

    @Override
    public Outcome isolateInstance(String instanceId, ActionContext ctx) {
        ContainmentPlan plan = planner.plan(instanceId);
        if (plan.alreadyContained()) {
            return Outcome.skipped("already contained: " + instanceId + " is only in " + plan.quarantineGroup().orElseThrow(), plan.details());
        }
        InstanceView i = plan.instance();
        List<String> checks = new ArrayList<>();
        checks.add("CreateTags " + AwsErrors.dryRun("ec2:CreateTags", () ->
                ec2.createTags(r -> r.dryRun(true).resources(instanceId).tags(Ec2Tags.of(ctx)))));
        if (plan.quarantineGroup().isEmpty()) {
            checks.add("CreateSecurityGroup " + AwsErrors.dryRun("ec2:CreateSecurityGroup", () -> ec2.createSecurityGroup(r -> r.dryRun(true)
                    .vpcId(i.vpcId()).groupName(ContainmentPlan.QUARANTINE).description("Vigil quarantine: no traffic in or out"))));
        }
        if (plan.protect()) {
            checks.add("ModifyInstanceAttribute " + AwsErrors.dryRun("ec2:ModifyInstanceAttribute", () ->
                    ec2.modifyInstanceAttribute(r -> r.dryRun(true).instanceId(instanceId).disableApiTermination(b -> b.value(true)))));
        }
        plan.quarantineGroup().filter(q -> plan.swap() && !i.multiHomed()).ifPresent(q -> checks.add("ModifyInstanceAttribute Groups "
                + AwsErrors.dryRun("ec2:ModifyInstanceAttribute", () -> ec2.modifyInstanceAttribute(r -> r.dryRun(true).instanceId(instanceId).groups(q)))));
        Map<String, String> details = new LinkedHashMap<>(plan.details());
        details.put("dry_run_checks", String.join("; ", checks));
        return Outcome.planned(String.join("; ", plan.calls(ctx)), details);
    }
}
