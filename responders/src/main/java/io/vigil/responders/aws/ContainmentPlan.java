package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * What isolating one instance takes, worked out from its current state: which quarantine groups exist,
 * and which of the swap, termination protection and profile detachment are still to do.
 *
 * @param quarantine     the VPC's quarantine group, if it exists; egress open to anywhere on it is removed
 * @param previousGroups the groups to restore: the current ones, or those recorded in the instance's tag
 *                       when an earlier, interrupted run already moved it into a Vigil group
 * @param recordPrevious whether the previous groups are still to be tagged on the instance: not when it is
 *                       already in a Vigil group, whose id must never overwrite the record of the real ones
 */
record ContainmentPlan(InstanceView instance, Optional<SecurityGroup> quarantine, Optional<String> untrackGroup,
                       List<String> previousGroups, boolean recordPrevious, boolean swap, boolean protect,
                       Optional<InstanceView.ProfileAssociation> detach) {

    static final String QUARANTINE = "vigil-quarantine";
    static final String UNTRACK = "vigil-quarantine-untrack";

    boolean alreadyContained() {
        return !swap && !protect && detach.isEmpty() && !quarantineLeaks();
    }

    Optional<String> quarantineGroup() {
        return quarantine.map(SecurityGroup::groupId);
    }

    boolean quarantineLeaks() {
        return quarantine.map(g -> g.ipPermissionsEgress().stream().anyMatch(QuarantineGroups::opensToAnywhere)).orElse(false);
    }

    /** The API calls, in order, in words: the dry run prints them and the ledger keeps them. */
    List<String> calls(ActionContext ctx) {
        String vpc = instance.vpcId();
        String q = quarantineGroup().orElse(QUARANTINE);
        String u = untrackGroup.orElse(UNTRACK);
        List<String> calls = new ArrayList<>();
        calls.add("ec2:CreateTags " + instance.id() + " " + Ec2Tags.describe(Ec2Tags.of(ctx))
                + (recordPrevious ? ", " + Ec2Tags.PREVIOUS_GROUPS + "=" + String.join(",", previousGroups) : ""));
        if (quarantineLeaks()) {
            calls.add("ec2:RevokeSecurityGroupEgress of the rules of " + q + " that let traffic out to anywhere");
        }
        if (quarantine.isEmpty()) {
            calls.add("ec2:CreateSecurityGroup " + QUARANTINE + " in " + vpc + " and ec2:RevokeSecurityGroupEgress of its default rule (no rules left)");
        }
        if (swap && untrackGroup.isEmpty()) {
            calls.add("ec2:CreateSecurityGroup " + UNTRACK + " in " + vpc
                    + " and ec2:AuthorizeSecurityGroupIngress/Egress of all traffic for 0.0.0.0/0 and ::/0");
        }
        if (protect) {
            calls.add("ec2:ModifyInstanceAttribute " + instance.id() + " DisableApiTermination=true");
        }
        if (swap && instance.multiHomed()) {
            instance.interfaceGroups().forEach((eni, groups) -> calls.add("ec2:ModifyNetworkInterfaceAttribute " + eni
                    + " Groups=[" + u + "] then Groups=[" + q + "] (was " + String.join(",", groups) + ")"));
        } else if (swap) {
            calls.add("ec2:ModifyInstanceAttribute " + instance.id() + " Groups=[" + u + "] then Groups=[" + q
                    + "] (was " + String.join(",", previousGroups) + ")");
        }
        detach.ifPresent(a -> calls.add("ec2:DisassociateIamInstanceProfile " + a.associationId() + " (" + a.profileArn() + ")"));
        return calls;
    }

    /** What a restore needs: the groups, per interface too, the profile and the protection it had. */
    Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("instance", instance.id());
        d.put("vpc", instance.vpcId());
        d.put("previous_security_groups", String.join(",", previousGroups));
        if (instance.multiHomed()) {
            instance.interfaceGroups().forEach((eni, groups) -> d.put("previous_security_groups." + eni, String.join(",", groups)));
        }
        quarantineGroup().ifPresent(g -> d.put("quarantine_group", g));
        detach.ifPresent(a -> d.put("previous_instance_profile", a.profileArn()));
        d.put("termination_protection_was", String.valueOf(instance.terminationProtected()));
        return d;
    }
}
