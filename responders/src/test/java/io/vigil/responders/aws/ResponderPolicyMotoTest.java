package io.vigil.responders.aws;

import io.vigil.testing.moto.MotoServer;
import io.vigil.testing.moto.MotoExtension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.responders.action.ActionContext;
import io.vigil.schemas.ActionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;

/** The shipped least-privilege policy allows exactly the calls the adapters make: none missing, none extra. */
@ExtendWith(MotoExtension.class)
class ResponderPolicyMotoTest {

    @Test
    void policyListsExactlyTheCallsOfEveryAdapterPath(MotoServer moto) throws Exception {
        try (Estate estate = new Estate(moto.endpoint())) {
            String single = estate.instanceWithProfile("policy-profile");
            String withVolume = estate.instance("/dev/sda1");
            String dual = dualHomed(estate);
            String user = "policy-user";
            estate.aws.iam().createUser(r -> r.userName(user));
            String key = estate.aws.iam().createAccessKey(r -> r.userName(user)).accessKey().accessKeyId();
            estate.aws.iam().createRole(r -> r.roleName("policy-role").assumeRolePolicyDocument("{}"));
            ActionContext ctx = Estate.context("f-policy");
            var drifts = DriftRevertPaths.prepare(estate);
            String scaled = ServiceMembershipMotoTest.Fleet.create(estate, "policy-asg").instance();
            estate.aws.s3().createBucket(r -> r.bucket("policy-hold").objectLockEnabledForBucket(true));
            estate.aws.s3().putObject(r -> r.bucket("policy-hold").key("AWSLogs/a.json"), software.amazon.awssdk.core.sync.RequestBody.fromString("{}"));
            for (String volume : new String[] {"vol-p1", "vol-p2"}) {
                io.vigil.responders.aws.ebs.EbsSnapshotComparisonMotoTest.write(estate.aws.ebs(), volume, null, null, Map.of());
                io.vigil.responders.aws.ebs.EbsSnapshotComparisonMotoTest.write(estate.aws.ebs(), volume, "f-policy-ebs", "i-" + volume, Map.of(1, (byte) 'X'));
            }
            RecordingInterceptor.reset();

            new DryRunEc2Containment(estate.aws.ec2()).isolateInstance(single, ctx);
            new DryRunEc2Snapshots(estate.aws.ec2()).snapshotVolumes(withVolume, ctx);
            DryRunIamCredentials dryIam = new DryRunIamCredentials(estate.aws.iam());
            dryIam.deactivateAccessKey(key, ctx);
            dryIam.denyAllForUser(user, ctx);
            dryIam.revokeRoleSessions("policy-role", ctx);
            Ec2Containment containment = new Ec2Containment(estate.aws.ec2());
            var singleRecord = containment.isolateInstance(single, ctx);
            var dualRecord = containment.isolateInstance(dual, ctx);
            assertThat(singleRecord.status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(dualRecord.status()).isEqualTo(ActionStatus.EXECUTED);
            new DryRunEc2Containment(estate.aws.ec2()).restoreInstance(single, singleRecord.details(), ctx);
            assertThat(new Ec2Snapshots(estate.aws.ec2()).snapshotVolumes(withVolume, ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            IamCredentials iam = new IamCredentials(estate.aws.iam());
            assertThat(iam.deactivateAccessKey(key, ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(iam.denyAllForUser(user, ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(iam.revokeRoleSessions("policy-role", ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            dryIam.reactivateAccessKey(key, java.util.Map.of("previous_status", "Active"), ctx);
            dryIam.liftUserDeny(user, ctx);
            assertThat(containment.restoreInstance(single, singleRecord.details(), ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(containment.restoreInstance(dual, dualRecord.details(), ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(iam.reactivateAccessKey(key, java.util.Map.of("previous_status", "Active"), ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(iam.liftUserDeny(user, ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            var forensic = java.util.Optional.of(new io.vigil.responders.evidence.ForensicTarget("111122223333",
                    ForensicCopyMotoTest.createKmsKey(moto.endpoint())));
            new DryRunEc2ForensicCopies(estate.aws.ec2(), forensic).copyToForensics(withVolume, ctx);
            assertThat(new Ec2ForensicCopies(estate.aws.ec2(), forensic).copyToForensics(withVolume, ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(new Ec2ForensicCopies(estate.aws.ec2(), forensic).copyToForensics(withVolume, ctx).status()).isEqualTo(ActionStatus.SKIPPED);
            new DryRunEc2Containment(estate.aws.ec2()).stopInstance(withVolume, ctx);
            assertThat(containment.stopInstance(withVolume, ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            DriftRevertPaths.exercise(estate, drifts, ctx);
            new AwsServiceMembership(estate.aws.autoscaling(), estate.aws.elb(), false).removeFromService(scaled, ctx);
            AwsServiceMembership membership = new AwsServiceMembership(estate.aws.autoscaling(), estate.aws.elb(), true);
            var out = membership.removeFromService(scaled, ctx);
            assertThat(out.status()).isEqualTo(ActionStatus.EXECUTED);
            new AwsServiceMembership(estate.aws.autoscaling(), estate.aws.elb(), false).returnToService(scaled, out.details(), ctx);
            assertThat(membership.returnToService(scaled, out.details(), ctx).status()).isEqualTo(ActionStatus.EXECUTED);
            new io.vigil.responders.aws.ebs.EbsSnapshotComparison(estate.aws.ec2(), estate.aws.ebs(), false).compare("i-vol-p1", Estate.context("f-policy-ebs"));
            assertThat(new io.vigil.responders.aws.ebs.EbsSnapshotComparison(estate.aws.ec2(), estate.aws.ebs(), true).compare("i-vol-p1",
                    Estate.context("f-policy-ebs")).status())
                    .isEqualTo(ActionStatus.EXECUTED);
            var logs = java.util.Optional.of(io.vigil.responders.evidence.LogLocation.parse("s3://policy-hold/AWSLogs/"));
            java.time.Instant now = java.time.Instant.now();
            new AwsLegalHold(estate.aws.ec2(), estate.aws.s3(), logs, false).holdLogs(now.minusSeconds(3600), now.plusSeconds(3600), ctx);
            assertThat(new AwsLegalHold(estate.aws.ec2(), estate.aws.s3(), logs, true).holdLogs(now.minusSeconds(3600), now.plusSeconds(3600), ctx).status())
                    .isEqualTo(ActionStatus.EXECUTED);
            for (boolean execute : new boolean[] {false, true}) {
                try {
                    new AwsLegalHold(estate.aws.ec2(), estate.aws.s3(), logs, execute).lockSnapshots(withVolume, ctx);
                } catch (io.vigil.responders.action.ActionException e) {
                    // moto has no LockSnapshot: the call is made (and recorded) and refused; LegalHoldMotoTest checks its shape
                }
            }

            Set<String> allowed = policyActions();
            // iam:PassRole is no API call: AWS checks it when ec2:AssociateIamInstanceProfile hands the profile's role to the instance
            assertThat(allowed).contains("iam:PassRole");
            allowed.remove("iam:PassRole");
            // nor are the KMS actions: EC2 uses the forensic key on the caller's behalf (kms:ViaService) when CopySnapshot re-encrypts
            assertThat(allowed).contains("kms:ReEncryptTo");
            allowed.removeIf(a -> a.startsWith("kms:"));
            assertThat(iamActions(RecordingInterceptor.calls())).isEqualTo(allowed);
        }
    }

    private static String dualHomed(Estate estate) {
        return estate.aws.ec2().runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1).networkInterfaces(
                InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(estate.subnet).groups(estate.web).build(),
                InstanceNetworkInterfaceSpecification.builder().deviceIndex(1).subnetId(estate.subnet).groups(estate.web).build()))
                .instances().get(0).instanceId();
    }

    /** S3 names a few IAM actions unlike its operations: the public access block is read and written (also deleted) as a bucket's. */
    private static Set<String> iamActions(Set<String> calls) {
        Map<String, String> renamed = Map.of("s3:ListObjectsV2", "s3:ListBucket", "s3:GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock",
                "s3:PutPublicAccessBlock", "s3:PutBucketPublicAccessBlock", "s3:DeletePublicAccessBlock", "s3:PutBucketPublicAccessBlock");
        Set<String> out = new TreeSet<>();
        // and the Elastic Load Balancing v2 client's calls are authorized under the service's one prefix
        calls.forEach(c -> out.add(renamed.getOrDefault(c, c).replaceFirst("^elasticloadbalancingv2:", "elasticloadbalancing:")));
        return out;
    }

    /** The shipped policy: deploy/aws/responder-policy.json, beside the other deployment files (tests run in the module's folder). */
    private static Set<String> policyActions() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("..", "deploy", "aws", "responder-policy.json"))) {
            Set<String> actions = new TreeSet<>();
            for (JsonNode statement : new ObjectMapper().readTree(in).path("Statement")) {
                assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                statement.path("Action").forEach(a -> actions.add(a.asText()));
            }
            return actions;
        }
    }
}
