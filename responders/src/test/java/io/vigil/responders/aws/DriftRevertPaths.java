package io.vigil.responders.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.aws.revert.AwsDriftReverts;
import io.vigil.responders.revert.DriftDiff;
import io.vigil.schemas.ActionStatus;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Every call path of the drift reverts (dry run, revert, undo; group, bucket, trail), for the policy test. */
final class DriftRevertPaths {
    private DriftRevertPaths() {}

    /** Drifted resources of each kind, made before the calls are recorded. */
    static DriftDiff[] prepare(Estate estate) {
        String sg = estate.aws.ec2().createSecurityGroup(r -> r.vpcId(estate.vpc).groupName("policy-drift").description("drift")).groupId();
        estate.aws.ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
        DriftDiff group = diff("AWS::EC2::SecurityGroup", sg, Map.of("ipPermissions[0].ipProtocol", "tcp", "ipPermissions[0].fromPort", "22",
                "ipPermissions[0].toPort", "22", "ipPermissions[0].ipv4Ranges[0].cidrIp", "0.0.0.0/0"), Set.of());
        estate.aws.s3().createBucket(r -> r.bucket("policy-drift"));
        estate.aws.s3().putBucketPolicy(r -> r.bucket("policy-drift").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::policy-drift/*\"}]}"));
        DriftDiff bucket = diff("AWS::S3::Bucket", "policy-drift", Map.of(), Set.of("bucket_policy_public", "bucket_public_access_block_off"));
        estate.aws.cloudtrail().createTrail(r -> r.name("policy-trail").s3BucketName("policy-drift"));
        DriftDiff trail = diff("AWS::CloudTrail::Trail", "policy-trail", Map.of("isLogging", "false", "logFileValidationEnabled", "false"), Set.of());
        return new DriftDiff[] {group, bucket, trail};
    }

    static void exercise(Estate estate, DriftDiff[] drifts, ActionContext ctx) {
        AwsDriftReverts dry = new AwsDriftReverts(estate.aws.ec2(), estate.aws.s3(), estate.aws.cloudtrail(), false);
        AwsDriftReverts reverts = new AwsDriftReverts(estate.aws.ec2(), estate.aws.s3(), estate.aws.cloudtrail(), true);
        for (DriftDiff d : drifts) {
            dry.revert(d, ctx);
            Outcome done = reverts.revert(d, ctx);
            assertThat(done.status()).as(done.plan()).isEqualTo(ActionStatus.EXECUTED);
            dry.undo(d.resourceId(), done.details(), ctx);
            assertThat(reverts.undo(d.resourceId(), done.details(), ctx).status()).isEqualTo(ActionStatus.EXECUTED);
        }
    }

    private static DriftDiff diff(String type, String id, Map<String, String> observed, Set<String> risks) {
        Map<String, String> all = new java.util.HashMap<>(observed);
        all.put("resource_type", type);
        Map<String, String> baseline = new java.util.HashMap<>();
        observed.forEach((k, v) -> baseline.put(k, "false".equals(v) ? "true" : DriftDiff.ABSENT));
        return new DriftDiff("drift.config", type, id, all, baseline, risks, OptionalInt.of(observed.size()), false);
    }
}
