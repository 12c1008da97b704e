package io.vigil.responders.aws;

import io.vigil.responders.action.ActionException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** Reads an instance and its VPC's quarantine groups and works out what containing it still takes. */
final class ContainmentPlanner {
    private final Ec2Reads reads;

    ContainmentPlanner(Ec2Reads reads) {
        this.reads = reads;
    }

    ContainmentPlan plan(String instanceId) {
        InstanceView i = reads.instance(instanceId);
        if (i.vpcId() == null) {
            throw new ActionException("instance " + instanceId + " is not in a VPC; security groups cannot isolate it", false, null);
        }
        Optional<SecurityGroup> quarantineGroup = reads.group(i.vpcId(), ContainmentPlan.QUARANTINE);
        Optional<String> quarantine = quarantineGroup.map(SecurityGroup::groupId);
        Optional<String> untrack = reads.group(i.vpcId(), ContainmentPlan.UNTRACK).map(SecurityGroup::groupId);
        boolean swap = quarantine.map(q -> !isolatedIn(i, q)).orElse(true);
        Set<String> vigilGroups = new HashSet<>();
        quarantine.ifPresent(vigilGroups::add);
        untrack.ifPresent(vigilGroups::add);
        boolean movedBefore = !i.securityGroups().isEmpty() && vigilGroups.containsAll(i.securityGroups());
        String recorded = i.tags().get(Ec2Tags.PREVIOUS_GROUPS);
        List<String> previous = movedBefore && recorded != null
                ? Arrays.stream(recorded.split(",")).filter(s -> !s.isBlank()).toList()
                : i.securityGroups();
        return new ContainmentPlan(i, quarantineGroup, untrack, previous, swap && !movedBefore, swap, !i.terminationProtected(), i.profile());
    }

    private static boolean isolatedIn(InstanceView i, String quarantine) {
        List<String> only = List.of(quarantine);
        return i.multiHomed()
                ? i.interfaceGroups().values().stream().allMatch(only::equals)
                : i.securityGroups().equals(only);
    }
}
