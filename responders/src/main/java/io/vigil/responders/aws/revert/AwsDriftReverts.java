package io.vigil.responders.aws.revert;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.aws.AwsErrors;
import io.vigil.responders.revert.DriftDiff;
import io.vigil.responders.revert.DriftReverts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Drift reverts through the AWS SDK: security groups (EC2), buckets made public (S3), trails whose logging
 * or validation was turned off (CloudTrail). Dry run, it prints the exact calls and asks EC2 with
 * {@code DryRun=true} whether its calls would be allowed (S3 and CloudTrail have no dry run); executing, it
 * makes them in order and records what they replaced. Every other resource type gets a plan that says
 * there is none.
 */
public final class AwsDriftReverts implements DriftReverts {
    static final List<String> SUPPORTED = List.of("AWS::EC2::SecurityGroup", "AWS::S3::Bucket", "AWS::CloudTrail::Trail");

    private final SecurityGroupReverts groups;
    private final BucketReverts buckets;
    private final TrailReverts trails;
    private final boolean execute;

    public AwsDriftReverts(Ec2Client ec2, S3Client s3, CloudTrailClient cloudtrail, boolean execute) {
        this.groups = new SecurityGroupReverts(ec2);
        this.buckets = new BucketReverts(s3);
        this.trails = new TrailReverts(cloudtrail);
        this.execute = execute;
    }

    @Override
    public Outcome revert(DriftDiff diff, ActionContext ctx) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("resource_type", diff.resourceType());
        RevertPlan plan;
        try {
            plan = diff.created() && !diff.resourceType().equals("AWS::S3::Bucket")
                    ? RevertPlan.refused(diff.resourceType() + " " + diff.resourceId() + " is new: no baseline holds it, so there is nothing to revert "
                    + "it to; Vigil deletes nothing, remove it by hand if it is unwanted")
                    : switch (diff.resourceType()) {
                case "AWS::EC2::SecurityGroup" -> groups.revert(diff);
                case "AWS::S3::Bucket" -> buckets.revert(diff);
                case "AWS::CloudTrail::Trail" -> trails.revert(diff);
                default -> RevertPlan.refused("no revert plan for " + diff.resourceType() + ": Vigil reverts " + String.join(", ", SUPPORTED)
                        + "; return " + diff.resourceId() + " to its baseline by hand (the finding lists each changed setting and its baseline value)");
            };
        } catch (SdkException e) {
            throw AwsErrors.classify("reading " + diff.resourceId() + " to plan its revert", e);
        }
        return carryOut(plan, diff.resourceId(), "already at its baseline: nothing to revert on " + diff.resourceId(), details);
    }

    @Override
    public Outcome undo(String resourceId, Map<String, String> recorded, ActionContext ctx) {
        String type = recorded.getOrDefault("resource_type", "");
        RevertPlan plan;
        try {
            plan = switch (type) {
                case "AWS::EC2::SecurityGroup" -> groups.undo(resourceId, recorded);
                case "AWS::S3::Bucket" -> buckets.undo(resourceId, recorded);
                case "AWS::CloudTrail::Trail" -> trails.undo(resourceId, recorded);
                default -> RevertPlan.refused("no undo for a revert of " + (type.isEmpty() ? "an unknown resource type" : type));
            };
        } catch (SdkException e) {
            throw AwsErrors.classify("reading " + resourceId + " to plan the undo of its revert", e);
        }
        return carryOut(plan, resourceId, "nothing to undo on " + resourceId + ": the revert's changes are gone already", Map.of("resource_type", type));
    }

    private Outcome carryOut(RevertPlan plan, String resource, String nothingToDo, Map<String, String> base) {
        Map<String, String> details = new LinkedHashMap<>(base);
        details.putAll(plan.details());
        if (plan.refusal().isPresent()) {
            return Outcome.skipped(plan.refusal().get(), details);
        }
        if (plan.calls().isEmpty()) {
            return Outcome.skipped(plan.notReverted().isEmpty() ? nothingToDo : "no revert Vigil can make on " + resource + "; not reverted: "
                    + String.join("; ", plan.notReverted()), details);
        }
        String calls = String.join("; ", plan.calls().stream().map(RevertPlan.Call::text).toList());
        if (!execute) {
            List<String> checks = new ArrayList<>();
            for (RevertPlan.Call c : plan.calls()) {
                c.dryRun().ifPresent(dry -> checks.add(c.text().substring(0, c.text().indexOf(' ')) + " "
                        + AwsErrors.dryRun(c.text(), dry)));
            }
            if (!checks.isEmpty()) {
                details.put("dry_run_checks", String.join("; ", checks));
            }
            return Outcome.planned(calls, details);
        }
        int done = 0;
        try {
            for (RevertPlan.Call c : plan.calls()) {
                c.run().run();
                done++;
            }
        } catch (SdkException e) {
            throw AwsErrors.classify(plan.calls().get(done).text() + " (after " + done + " of " + plan.calls().size() + " calls)", e);
        }
        return Outcome.executed(calls, details);
    }
}
