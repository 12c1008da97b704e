package io.vigil.responders.aws;

import io.vigil.responders.action.ActionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;

/** The EC2 describe calls the adapters plan with; they change nothing. */
public final class Ec2Reads {
    private final Ec2Client ec2;

    public Ec2Reads(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    public InstanceView instance(String instanceId) {
        try {
            Instance i = ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                    .flatMap(r -> r.instances().stream()).findFirst()
                    .orElseThrow(() -> new ActionException("instance " + instanceId + " not found", false, null));
            Map<String, List<String>> perInterface = new LinkedHashMap<>();
            i.networkInterfaces().stream()
                    .sorted((a, b) -> Integer.compare(a.attachment() == null ? 0 : a.attachment().deviceIndex(),
                            b.attachment() == null ? 0 : b.attachment().deviceIndex()))
                    .forEach(n -> perInterface.put(n.networkInterfaceId(), groupIds(n)));
            boolean protectedNow = Boolean.TRUE.equals(ec2.describeInstanceAttribute(r -> r.instanceId(instanceId)
                    .attribute(InstanceAttributeName.DISABLE_API_TERMINATION)).disableApiTermination().value());
            return new InstanceView(i.instanceId(), i.vpcId(),
                    i.securityGroups().stream().map(GroupIdentifier::groupId).toList(), perInterface,
                    i.iamInstanceProfile() == null ? Optional.empty() : profileAssociation(instanceId),
                    protectedNow,
                    i.blockDeviceMappings().stream().filter(m -> m.ebs() != null).map(m -> m.ebs().volumeId()).toList(),
                    i.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b)));
        } catch (SdkException e) {
            if (AwsErrors.hasCode(e, Set.of("InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed"))) {
                throw new ActionException("instance " + instanceId + " not found", false, e);
            }
            throw AwsErrors.classify("reading instance " + instanceId, e);
        }
    }

    /** The instance's state name (pending, running, stopping, stopped, …). */
    public String state(String instanceId) {
        try {
            return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().stream().flatMap(r -> r.instances().stream())
                    .findFirst().map(i -> i.state().nameAsString())
                    .orElseThrow(() -> new ActionException("instance " + instanceId + " not found", false, null));
        } catch (SdkException e) {
            if (AwsErrors.hasCode(e, Set.of("InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed"))) {
                throw new ActionException("instance " + instanceId + " not found", false, e);
            }
            throw AwsErrors.classify("reading instance " + instanceId, e);
        }
    }

    /** The security group of that name in the VPC, if it exists. */
    public Optional<SecurityGroup> group(String vpcId, String name) {
        try {
            return ec2.describeSecurityGroups(r -> r.filters(
                    Filter.builder().name("vpc-id").values(vpcId).build(),
                    Filter.builder().name("group-name").values(name).build())).securityGroups().stream().findFirst();
        } catch (SdkException e) {
            throw AwsErrors.classify("reading security group " + name + " of " + vpcId, e);
        }
    }

    /** Snapshots of a volume tagged with this finding: evidence already taken for it. */
    public List<Snapshot> snapshotsForFinding(String volumeId, String findingId) {
        try {
            return ec2.describeSnapshots(r -> r.ownerIds("self").filters(
                    Filter.builder().name("volume-id").values(volumeId).build(),
                    Filter.builder().name("tag:" + Ec2Tags.FINDING).values(Ec2Tags.tag(Ec2Tags.FINDING, findingId).value()).build())).snapshots();
        } catch (SdkException e) {
            throw AwsErrors.classify("reading snapshots of " + volumeId, e);
        }
    }

    private Optional<InstanceView.ProfileAssociation> profileAssociation(String instanceId) {
        return ec2.describeIamInstanceProfileAssociations(r -> r.filters(
                        Filter.builder().name("instance-id").values(instanceId).build(),
                        Filter.builder().name("state").values("associated").build()))
                .iamInstanceProfileAssociations().stream().findFirst()
                .map(a -> new InstanceView.ProfileAssociation(a.associationId(), a.iamInstanceProfile().arn()));
    }

    private static List<String> groupIds(InstanceNetworkInterface n) {
        return n.groups().stream().map(GroupIdentifier::groupId).toList();
    }
}
