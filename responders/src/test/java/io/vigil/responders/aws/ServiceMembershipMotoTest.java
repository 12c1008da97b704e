package io.vigil.responders.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.schemas.ActionStatus;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;

/**
 * Out of service and back, against moto_server: an Auto Scaling instance behind a target group is planned
 * (nothing changes), then detached from its group (which keeps its desired capacity) and deregistered, as the
 * APIs show; putting it back attaches and registers it again; an instance in neither is skipped.
 */
@ExtendWith(MotoExtension.class)
public class ServiceMembershipMotoTest {
    private static final ActionContext CTX = Estate.context("f-service");

    @Test
    void anAutoScalingInstanceBehindALoadBalancerLeavesServiceAndComesBack(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint())) {
            Fleet fleet = Fleet.create(estate, "web-asg");
            String instance = fleet.instance();
            AwsServiceMembership dry = new AwsServiceMembership(estate.aws.autoscaling(), estate.aws.elb(), false);
            AwsServiceMembership membership = new AwsServiceMembership(estate.aws.autoscaling(), estate.aws.elb(), true);

            Outcome planned = dry.removeFromService(instance, CTX);
            assertThat(planned.status()).isEqualTo(ActionStatus.PLANNED);
            assertThat(planned.plan()).isEqualTo("autoscaling:DetachInstances AutoScalingGroupName=web-asg InstanceIds=[" + instance
                    + "] ShouldDecrementDesiredCapacity=false; elasticloadbalancing:DeregisterTargets TargetGroupArn=" + fleet.targetGroup
                    + " Targets=[Id=" + instance + ",Port=80]");
            assertThat(fleet.group(instance)).contains("web-asg");

            Outcome out = membership.removeFromService(instance, CTX);
            assertThat(out.status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(fleet.group(instance)).isEmpty();
            assertThat(fleet.targets()).doesNotContain(instance);
            assertThat(estate.aws.autoscaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames("web-asg")).autoScalingGroups().get(0)
                    .desiredCapacity()).as("the group replaces the instance").isEqualTo(1);
            assertThat(membership.removeFromService(instance, CTX).status()).isEqualTo(ActionStatus.SKIPPED);

            Outcome back = membership.returnToService(instance, out.details(), CTX);
            assertThat(back.status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(fleet.group(instance)).contains("web-asg");
            assertThat(fleet.targets()).contains(instance);
            assertThat(membership.returnToService(instance, out.details(), CTX).status()).isEqualTo(ActionStatus.SKIPPED);

            assertThat(membership.removeFromService(estate.instance(), CTX).status()).isEqualTo(ActionStatus.SKIPPED);
        }
    }

    /** An Auto Scaling group of one instance registered in a target group, in the estate's subnet. */
    public record Fleet(Estate estate, String name, String targetGroup) {
        public static Fleet create(Estate estate, String name) {
            String tg = estate.aws.elb().createTargetGroup(r -> r.name(name + "-tg").protocol("HTTP").port(80).vpcId(estate.vpc).targetType("instance"))
                    .targetGroups().get(0).targetGroupArn();
            estate.aws.autoscaling().createLaunchConfiguration(r -> r.launchConfigurationName(name + "-lc").imageId("ami-12c6146b").instanceType("t2.micro"));
            estate.aws.autoscaling().createAutoScalingGroup(r -> r.autoScalingGroupName(name).launchConfigurationName(name + "-lc").minSize(1).maxSize(3)
                    .desiredCapacity(1).vpcZoneIdentifier(estate.subnet).targetGroupARNs(tg));
            return new Fleet(estate, name, tg);
        }

        public String instance() {
            return estate.aws.autoscaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().get(0).instances().get(0)
                    .instanceId();
        }

        public List<String> group(String instance) {
            return estate.aws.autoscaling().describeAutoScalingInstances(r -> r.instanceIds(instance)).autoScalingInstances().stream()
                    .map(AutoScalingInstanceDetails::autoScalingGroupName).toList();
        }

        public List<String> targets() {
            return estate.aws.elb().describeTargetHealth(r -> r.targetGroupArn(targetGroup)).targetHealthDescriptions().stream().map(d -> d.target().id()).toList();
        }
    }
}
