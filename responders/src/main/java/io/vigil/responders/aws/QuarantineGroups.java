package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Creates the two groups isolation uses in a VPC, once: the quarantine group, with no rules at all, and
 * the "untrack" group, which allows everything. Moving an instance through the untrack group first turns
 * its tracked connections into untracked ones, which the quarantine group then cuts at once; moving it
 * straight into the quarantine group would let established connections (an attacker's shell, an ongoing
 * exfiltration) live on until they time out (EC2 User Guide, "Security group connection tracking").
 */
final class QuarantineGroups {
    private static final Set<String> DUPLICATE = Set.of("InvalidGroup.Duplicate");
    private static final IpRange ANY_V4 = IpRange.builder().cidrIp("0.0.0.0/0").build();
    private static final Ipv6Range ANY_V6 = Ipv6Range.builder().cidrIpv6("::/0").build();

    private final Ec2Client ec2;
    private final Ec2Reads reads;

    QuarantineGroups(Ec2Client ec2, Ec2Reads reads) {
        this.ec2 = ec2;
        this.reads = reads;
    }

    String quarantine(String vpcId, ActionContext ctx) {
        // a new VPC group allows all IPv4 egress by default; quarantine means none
        return createOnce(vpcId, ContainmentPlan.QUARANTINE, "Vigil quarantine: no traffic in or out", ctx, id ->
                ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("-1").ipRanges(ANY_V4).build())));
    }

    String untrack(String vpcId, ActionContext ctx) {
        return createOnce(vpcId, ContainmentPlan.UNTRACK, "Vigil isolation step 1: allow all, so connections become untracked", ctx, id -> {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("-1").ipRanges(ANY_V4).ipv6Ranges(ANY_V6).build()));
            // the default egress rule covers IPv4 only; connections are untracked only when both families are open
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("-1").ipv6Ranges(ANY_V6).build()));
        });
    }

    /** Whether an egress rule lets traffic out to anywhere, as a new group's default rule does. */
    static boolean opensToAnywhere(IpPermission p) {
        return p.ipRanges().stream().anyMatch(r -> "0.0.0.0/0".equals(r.cidrIp()))
                || p.ipv6Ranges().stream().anyMatch(r -> "::/0".equals(r.cidrIpv6()));
    }

    /** Removes open egress left on an existing quarantine group, e.g. by a run interrupted right after creating it. */
    void close(SecurityGroup quarantine) {
        List<IpPermission> open = quarantine.ipPermissionsEgress().stream().filter(QuarantineGroups::opensToAnywhere).toList();
        try {
            ec2.revokeSecurityGroupEgress(r -> r.groupId(quarantine.groupId()).ipPermissions(open));
        } catch (SdkException e) {
            throw AwsErrors.classify("closing " + quarantine.groupId(), e);
        }
    }

    /** Creates the group and sets its rules, or takes the one a concurrent responder created a moment ago. */
    private String createOnce(String vpcId, String name, String description, ActionContext ctx, Consumer<String> setRules) {
        Optional<String> created;
        try {
            created = Optional.of(ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(description)
                    .tagSpecifications(Ec2Tags.spec(ResourceType.SECURITY_GROUP,
                            List.of(Ec2Tags.tag(Ec2Tags.MANAGED, "true"), Ec2Tags.tag(Ec2Tags.CASE, ctx.caseId()))))).groupId());
        } catch (SdkException e) {
            if (!AwsErrors.hasCode(e, DUPLICATE)) {
                throw AwsErrors.classify("creating " + name + " in " + vpcId, e);
            }
            created = Optional.empty();
        }
        if (created.isEmpty()) {
            return reads.group(vpcId, name).map(SecurityGroup::groupId)
                    .orElseThrow(() -> new IllegalStateException(name + " in " + vpcId + " is reported to exist but cannot be read"));
        }
        String id = created.get();
        try {
            setRules.accept(id);
        } catch (SdkException e) {
            throw AwsErrors.classify("setting the rules of " + name + " " + id, e);
        }
        return id;
    }
}
