package io.vigil.responders.aws.revert;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.aws.Estate;
import io.vigil.responders.revert.DriftDiff;
import io.vigil.schemas.ActionStatus;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Drift reverts against moto_server, each asserted through the API: a security group opened to the internet
 * on SSH is closed again (dry run first: nothing changes) and the undo opens it; a removed rule comes back; a
 * group that changed again since the finding, or a finding showing only part of the change, is left alone; a
 * public bucket gets its public access block and loses its public policy statement (undo: both back); a
 * stopped trail logs again; an RDS instance gets a plan saying there is none.
 */
@ExtendWith(MotoExtension.class)
class DriftRevertsMotoTest {
    private static final ActionContext CTX = Estate.context("f-drift");

    @Test
    void sshOpenedToTheInternetIsRevokedAfterADryRunAndTheUndoOpensItAgain(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint())) {
            String sg = estate.web;
            estate.aws.ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(rule(443, "10.0.0.0/8")));
            estate.aws.ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(rule(22, "0.0.0.0/0")));
            DriftDiff diff = sshOpened(estate, sg);

            Outcome dry = reverts(estate, false).revert(diff, CTX);
            assertThat(dry.status()).isEqualTo(ActionStatus.PLANNED);
            assertThat(dry.plan()).isEqualTo("ec2:RevokeSecurityGroupIngress GroupId=" + sg + " IpProtocol=tcp FromPort=22 ToPort=22 CidrIp=0.0.0.0/0");
            assertThat(dry.details()).containsEntry("dry_run_checks", "ec2:RevokeSecurityGroupIngress would succeed");
            assertThat(ingress(estate, sg)).contains("tcp 22 0.0.0.0/0", "tcp 443 10.0.0.0/8");

            Outcome done = reverts(estate, true).revert(diff, CTX);
            assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(done.details()).containsEntry("undo.revoked", "ingress tcp 22-22 0.0.0.0/0").containsEntry("undo.authorized", "");
            assertThat(ingress(estate, sg)).containsExactly("tcp 443 10.0.0.0/8");
            assertThat(reverts(estate, true).revert(diff, CTX).status()).as("a second revert finds nothing to do").isEqualTo(ActionStatus.SKIPPED);

            Outcome undone = reverts(estate, true).undo(sg, done.details(), CTX);
            assertThat(undone.status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(undone.plan()).isEqualTo("ec2:AuthorizeSecurityGroupIngress GroupId=" + sg + " IpProtocol=tcp FromPort=22 ToPort=22 CidrIp=0.0.0.0/0");
            assertThat(ingress(estate, sg)).contains("tcp 22 0.0.0.0/0", "tcp 443 10.0.0.0/8");
        }
    }

    @Test
    void aRemovedRuleIsAuthorizedAgain(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint())) {
            String sg = estate.web;
            Map<String, String> observed = new LinkedHashMap<>();
            Map<String, String> baseline = new LinkedHashMap<>();
            for (String[] kv : List.of(new String[] {"fromPort", "5432"}, new String[] {"ipProtocol", "tcp"}, new String[] {"toPort", "5432"},
                    new String[] {"ipRanges[0]", "10.1.0.0/16"}, new String[] {"ipv4Ranges[0].cidrIp", "10.1.0.0/16"})) {
                observed.put("ipPermissions[0]." + kv[0], DriftDiff.REMOVED);
                baseline.put("ipPermissions[0]." + kv[0], kv[1]);
            }
            DriftDiff diff = diff("AWS::EC2::SecurityGroup", sg, observed, baseline, Set.of());

            Outcome done = reverts(estate, true).revert(diff, CTX);
            assertThat(done.status()).as(done.plan()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(ingress(estate, sg)).containsExactly("tcp 5432 10.1.0.0/16");
        }
    }

    @Test
    void aGroupChangedSinceTheFindingOrAPartialFindingIsLeftAlone(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint())) {
            String sg = estate.web;
            estate.aws.ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(rule(443, "10.0.0.0/8")));
            estate.aws.ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(rule(3389, "0.0.0.0/0")));
            Outcome changed = reverts(estate, true).revert(sshOpened(estate, sg), CTX);
            assertThat(changed.status()).isEqualTo(ActionStatus.SKIPPED);
            assertThat(changed.plan()).contains(sg + " changed since the finding").contains("is 3389 now, the finding saw 22");

            DriftDiff partial = new DriftDiff("drift.config", "AWS::EC2::SecurityGroup", sg, Map.of("resource_type", "AWS::EC2::SecurityGroup",
                    "changed_settings", "25", "ipPermissions[1].fromPort", "3389"), Map.of("ipPermissions[1].fromPort", "(absent)"), Set.of(), OptionalInt.of(25), false);
            Outcome skipped = reverts(estate, true).revert(partial, CTX);
            assertThat(skipped.status()).isEqualTo(ActionStatus.SKIPPED);
            assertThat(skipped.plan()).contains("lists 1 of the 25 changed settings");
            assertThat(ingress(estate, sg)).contains("tcp 3389 0.0.0.0/0");
        }
    }

    @Test
    void aPublicBucketGetsItsAccessBlockAndLosesThePublicStatementAndTheUndoPutsBothBack(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint())) {
            var s3 = estate.aws.s3();
            s3.createBucket(r -> r.bucket("drift-public"));
            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Public\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                    + "\"Resource\":\"arn:aws:s3:::drift-public/*\"},{\"Sid\":\"Logs\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
                    + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::drift-public/logs/*\"}]}";
            s3.putBucketPolicy(r -> r.bucket("drift-public").policy(policy));
            DriftDiff diff = diff("AWS::S3::Bucket", "drift-public", Map.of("risk.bucket_policy_public", "the bucket policy grants access to anyone",
                    "risk.bucket_public_access_block_off", "the bucket can be made public"), Map.of(), Set.of());

            Outcome dry = reverts(estate, false).revert(diff, CTX);
            assertThat(dry.status()).isEqualTo(ActionStatus.PLANNED);
            assertThat(dry.plan()).contains("s3:PutPublicAccessBlock Bucket=drift-public BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,"
                    + "RestrictPublicBuckets=true", "s3:PutBucketPolicy Bucket=drift-public Policy=");
            assertThat(s3.getBucketPolicy(r -> r.bucket("drift-public")).policy()).contains("\"Principal\":\"*\"");

            Outcome done = reverts(estate, true).revert(diff, CTX);
            assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(s3.getPublicAccessBlock(r -> r.bucket("drift-public")).publicAccessBlockConfiguration().restrictPublicBuckets()).isTrue();
            String now = s3.getBucketPolicy(r -> r.bucket("drift-public")).policy();
            assertThat(now).contains("\"Sid\":\"Logs\"").doesNotContain("\"Sid\":\"Public\"");

            assertThat(reverts(estate, true).undo("drift-public", done.details(), CTX).status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(s3.getBucketPolicy(r -> r.bucket("drift-public")).policy()).contains("\"Sid\":\"Public\"");
            try {
                s3.getPublicAccessBlock(r -> r.bucket("drift-public"));
                throw new AssertionError("the undo should have removed the public access block the bucket did not have");
            } catch (S3Exception e) {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchPublicAccessBlockConfiguration");
            }
        }
    }

    @Test
    void aStoppedTrailLogsAgain(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint())) {
            estate.aws.s3().createBucket(r -> r.bucket("drift-trail-logs"));
            var cloudtrail = estate.aws.cloudtrail();
            cloudtrail.createTrail(r -> r.name("org-trail").s3BucketName("drift-trail-logs"));
            cloudtrail.startLogging(r -> r.name("org-trail"));
            cloudtrail.stopLogging(r -> r.name("org-trail"));
            DriftDiff diff = diff("AWS::CloudTrail::Trail", "org-trail", Map.of("isLogging", "false"), Map.of("isLogging", "true"), Set.of());

            Outcome dry = reverts(estate, false).revert(diff, CTX);
            assertThat(dry.plan()).isEqualTo("cloudtrail:StartLogging Name=org-trail");
            assertThat(cloudtrail.getTrailStatus(r -> r.name("org-trail")).isLogging()).isFalse();

            Outcome done = reverts(estate, true).revert(diff, CTX);
            assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(cloudtrail.getTrailStatus(r -> r.name("org-trail")).isLogging()).isTrue();
            assertThat(reverts(estate, true).revert(diff, CTX).status()).isEqualTo(ActionStatus.SKIPPED);
        }
    }

    @Test
    void anUnsupportedResourceTypeGetsAPlanSayingThereIsNone(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint())) {
            Outcome o = reverts(estate, true).revert(diff("AWS::RDS::DBInstance", "db-1", Map.of("publiclyAccessible", "true"),
                    Map.of("publiclyAccessible", "false"), Set.of("database_public")), CTX);
            assertThat(o.status()).isEqualTo(ActionStatus.SKIPPED);
            assertThat(o.plan()).startsWith("no revert plan for AWS::RDS::DBInstance: Vigil reverts AWS::EC2::SecurityGroup, AWS::S3::Bucket, "
                    + "AWS::CloudTrail::Trail; return db-1 to its baseline by hand");
        }
    }

    /** The drift a drift.config finding reports for a group whose baseline had only the rules before the SSH one. */
    private static DriftDiff sshOpened(Estate estate, String sg) {
        List<IpPermission> rules = estate.aws.ec2().describeSecurityGroups(r -> r.groupIds(sg)).securityGroups().get(0).ipPermissions();
        int i = rules.size() - 1; // AWS Config lists the rules as EC2 does; the new one is last
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("ipPermissions[" + i + "].fromPort", "22");
        observed.put("ipPermissions[" + i + "].ipProtocol", "tcp");
        observed.put("ipPermissions[" + i + "].ipRanges[0]", "0.0.0.0/0");
        observed.put("ipPermissions[" + i + "].ipv4Ranges[0].cidrIp", "0.0.0.0/0");
        observed.put("ipPermissions[" + i + "].toPort", "22");
        Map<String, String> baseline = new LinkedHashMap<>();
        observed.keySet().forEach(k -> baseline.put(k, DriftDiff.ABSENT));
        return diff("AWS::EC2::SecurityGroup", sg, observed, baseline, Set.of("sg_admin_port_open_to_world"));
    }

    private static DriftDiff diff(String type, String id, Map<String, String> settings, Map<String, String> baseline, Set<String> risks) {
        Map<String, String> observed = new LinkedHashMap<>(settings);
        observed.put("resource_type", type);
        observed.put("changed_settings", String.valueOf(settings.keySet().stream().filter(k -> !k.startsWith("risk.")).count()));
        Set<String> allRisks = new java.util.TreeSet<>(risks);
        settings.keySet().stream().filter(k -> k.startsWith("risk.")).forEach(k -> allRisks.add(k.substring("risk.".length())));
        return new DriftDiff("drift.config", type, id, observed, baseline, allRisks,
                OptionalInt.of((int) settings.keySet().stream().filter(k -> !k.startsWith("risk.")).count()), false);
    }

    private static AwsDriftReverts reverts(Estate estate, boolean execute) {
        return new AwsDriftReverts(estate.aws.ec2(), estate.aws.s3(), estate.aws.cloudtrail(), execute);
    }

    private static IpPermission rule(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(r -> r.cidrIp(cidr)).build();
    }

    private static List<String> ingress(Estate estate, String sg) {
        return estate.aws.ec2().describeSecurityGroups(r -> r.groupIds(sg)).securityGroups().get(0).ipPermissions().stream()
                .flatMap(p -> p.ipRanges().stream().map(c -> p.ipProtocol() + " " + p.fromPort() + " " + c.cidrIp())).sorted().toList();
    }
}
