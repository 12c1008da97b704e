package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/** A small AWS estate built in moto for a test: a VPC with instances, users with keys, roles. */
public final class Estate implements AutoCloseable {
    public static final AwsCredentialsProvider TESTING = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    public static final String REGION = "us-east-1";

    public final AwsClients aws;
    public final String vpc;
    public final String subnet;
    public final String web;

    /** A new VPC with one subnet and a security group named "web". */
    public Estate(URI endpoint) {
        aws = AwsClients.create(Optional.of(endpoint), Optional.of(REGION), TESTING);
        Ec2Client ec2 = aws.ec2();
        vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.1.0/24")).subnet().subnetId();
        web = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
    }

    /** An instance in "web" with one 8 GiB EBS volume per device name given. */
    public String instance(String... devices) {
        return aws.ec2().runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1).subnetId(subnet).securityGroupIds(web)
                .blockDeviceMappings(IntStream.range(0, devices.length).mapToObj(i -> BlockDeviceMapping.builder()
                        .deviceName(devices[i]).ebs(e -> e.volumeSize(8)).build()).toList()))
                .instances().get(0).instanceId();
    }

    /** An instance in "web" with an instance profile attached. */
    public String instanceWithProfile(String profileName) {
        aws.iam().createRole(r -> r.roleName(profileName + "-role").assumeRolePolicyDocument("{}"));
        String arn = aws.iam().createInstanceProfile(r -> r.instanceProfileName(profileName)).instanceProfile().arn();
        aws.iam().addRoleToInstanceProfile(r -> r.instanceProfileName(profileName).roleName(profileName + "-role"));
        return aws.ec2().runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1).subnetId(subnet).securityGroupIds(web)
                .iamInstanceProfile(p -> p.arn(arn))).instances().get(0).instanceId();
    }

    public Instance describe(String instanceId) {
        return aws.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0);
    }

    public List<String> groups(String instanceId) {
        return describe(instanceId).securityGroups().stream().map(GroupIdentifier::groupId).toList();
    }

    public List<Snapshot> snapshots(String instanceId) {
        List<String> volumes = describe(instanceId).blockDeviceMappings().stream().map(m -> m.ebs().volumeId()).toList();
        return aws.ec2().describeSnapshots(r -> r.filters(Filter.builder().name("volume-id").values(volumes).build())).snapshots();
    }

    public static ActionContext context(String findingId) {
        return new ActionContext("case-test", findingId, "test-playbook", "key-" + findingId, Duration.ofMinutes(1), Instant.now());
    }

    @Override
    public void close() {
        aws.close();
    }
}
