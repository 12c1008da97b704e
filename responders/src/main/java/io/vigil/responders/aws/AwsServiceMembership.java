package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.contain.ServiceMembership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * Takes an instance out of service through Auto Scaling ({@code DetachInstances} with
 * {@code ShouldDecrementDesiredCapacity=false}: the group launches a replacement and no longer manages, or
 * terminates, the suspect) and Elastic Load Balancing v2 ({@code DeregisterTargets} from every target group
 * listing it, port included); puts it back with {@code AttachInstances} and {@code RegisterTargets}. Neither API
 * has a dry run: planned, the calls are printed from what the reads show.
 *
 * <p>Why: AWS Security Incident Response Guide, "Contain: isolate EC2 instances" (detach from Auto Scaling and
 * deregister from Elastic Load Balancing before isolating); ATT&CK mitigation M1030 against T1021, T1041.
 */
public final class AwsServiceMembership implements ServiceMembership {
    static final String GROUP = "autoscaling_group";
    static final String TARGETS = "target_groups";

    private final AutoScalingClient autoscaling;
    private final ElasticLoadBalancingV2Client elb;
    private final boolean execute;

    public AwsServiceMembership(AutoScalingClient autoscaling, ElasticLoadBalancingV2Client elb, boolean execute) {
        this.autoscaling = autoscaling;
        this.elb = elb;
        this.execute = execute;
    }

    @Override
    public Outcome removeFromService(String instanceId, ActionContext ctx) {
        Optional<String> group;
        List<String> targets;
        try {
            group = group(instanceId);
            targets = targetGroups(instanceId);
        } catch (SdkException e) {
            throw AwsErrors.classify("reading the Auto Scaling group and target groups of " + instanceId, e);
        }
        Map<String, String> details = new LinkedHashMap<>();
        group.ifPresent(g -> details.put(GROUP, g));
        details.put(TARGETS, String.join(" ", targets));
        if (group.isEmpty() && targets.isEmpty()) {
            return Outcome.skipped(instanceId + " is in no Auto Scaling group and no load balancer target group", details);
        }
        List<String> calls = new ArrayList<>();
        group.ifPresent(g -> calls.add("autoscaling:DetachInstances AutoScalingGroupName=" + g + " InstanceIds=[" + instanceId
                + "] ShouldDecrementDesiredCapacity=false"));
        targets.forEach(t -> calls.add("elasticloadbalancing:DeregisterTargets TargetGroupArn=" + arn(t) + " Targets=[Id=" + instanceId + port(t) + "]"));
        if (!execute) {
            return Outcome.planned(String.join("; ", calls), details);
        }
        try {
            group.ifPresent(g -> autoscaling.detachInstances(r -> r.autoScalingGroupName(g).instanceIds(instanceId).shouldDecrementDesiredCapacity(false)));
            targets.forEach(t -> elb.deregisterTargets(r -> r.targetGroupArn(arn(t)).targets(target(instanceId, t))));
        } catch (SdkException e) {
            throw AwsErrors.classify("taking " + instanceId + " out of service", e);
        }
        return Outcome.executed(String.join("; ", calls), details);
    }

    @Override
    public Outcome returnToService(String instanceId, Map<String, String> recorded, ActionContext ctx) {
        Optional<String> group = Optional.ofNullable(recorded.get(GROUP)).filter(g -> !g.isBlank());
        List<String> targets = List.of(recorded.getOrDefault(TARGETS, "").split(" ")).stream().filter(t -> !t.isBlank()).toList();
        Optional<String> now;
        List<String> registered;
        try {
            now = group(instanceId);
            registered = targetGroups(instanceId);
        } catch (SdkException e) {
            throw AwsErrors.classify("reading the Auto Scaling group and target groups of " + instanceId, e);
        }
        Optional<String> attach = group.filter(g -> now.isEmpty());
        List<String> register = targets.stream().filter(t -> !registered.contains(t)).toList();
        Map<String, String> details = Map.of(GROUP, group.orElse(""), TARGETS, String.join(" ", targets));
        if (attach.isEmpty() && register.isEmpty()) {
            return Outcome.skipped("already in service: " + instanceId + " is in its recorded Auto Scaling group and target groups", details);
        }
        List<String> calls = new ArrayList<>();
        attach.ifPresent(g -> calls.add("autoscaling:AttachInstances AutoScalingGroupName=" + g + " InstanceIds=[" + instanceId + "]"));
        register.forEach(t -> calls.add("elasticloadbalancing:RegisterTargets TargetGroupArn=" + arn(t) + " Targets=[Id=" + instanceId + port(t) + "]"));
        if (!execute) {
            return Outcome.planned(String.join("; ", calls), details);
        }
        try {
            attach.ifPresent(g -> autoscaling.attachInstances(r -> r.autoScalingGroupName(g).instanceIds(instanceId)));
            register.forEach(t -> elb.registerTargets(r -> r.targetGroupArn(arn(t)).targets(target(instanceId, t))));
        } catch (SdkException e) {
            throw AwsErrors.classify("putting " + instanceId + " back in service", e);
        }
        return Outcome.executed(String.join("; ", calls), details);
    }

    private Optional<String> group(String instanceId) {
        return autoscaling.describeAutoScalingInstances(r -> r.instanceIds(instanceId)).autoScalingInstances().stream()
                .map(AutoScalingInstanceDetails::autoScalingGroupName).findFirst();
    }

    /** Every target group listing the instance, as {@code arn} or {@code arn@port} (a target is an instance and a port). */
    private List<String> targetGroups(String instanceId) {
        List<String> out = new ArrayList<>();
        for (var page : elb.describeTargetGroupsPaginator(r -> { })) {
            for (TargetGroup g : page.targetGroups()) {
                elb.describeTargetHealth(r -> r.targetGroupArn(g.targetGroupArn())).targetHealthDescriptions().stream()
                        .filter(d -> instanceId.equals(d.target().id()))
                        .forEach(d -> out.add(g.targetGroupArn() + (d.target().port() == null ? "" : "@" + d.target().port())));
            }
        }
        return out;
    }

    private static String arn(String recorded) {
        int at = recorded.lastIndexOf('@');
        return at < 0 ? recorded : recorded.substring(0, at);
    }

    private static String port(String recorded) {
        int at = recorded.lastIndexOf('@');
        return at < 0 ? "" : ",Port=" + recorded.substring(at + 1);
    }

    private static TargetDescription target(String instanceId, String recorded) {
        int at = recorded.lastIndexOf('@');
        return TargetDescription.builder().id(instanceId).port(at < 0 ? null : Integer.valueOf(recorded.substring(at + 1))).build();
    }
}
