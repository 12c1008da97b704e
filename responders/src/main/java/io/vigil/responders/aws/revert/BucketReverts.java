package io.vigil.responders.aws.revert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.responders.revert.DriftDiff;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * Revert plan for an S3 bucket made public. AWS Config keeps a bucket's access settings in its supplementary
 * configuration, which the drift detector judges against the secure baseline (rules
 * {@code bucket_public_access_block_off}, {@code bucket_policy_public}, {@code bucket_acl_public}) rather than
 * diffing, so the revert returns the bucket to that secure baseline: the public access block fully on, and
 * the policy without the statements that allow anyone (the whole policy is recorded first, for an undo).
 * ACL grants are not rewritten (listed as not reverted).
 *
 * <p>Why: public buckets are the classic cloud data leak. ATT&CK T1530 (data from cloud storage); AWS Config
 * rules s3-bucket-level-public-access-prohibited, s3-bucket-public-read-prohibited; playbook configuration-drift.
 */
final class BucketReverts {
    static final String PUBLIC_ACCESS_BLOCK_OFF = "bucket_public_access_block_off";
    static final String POLICY_PUBLIC = "bucket_policy_public";
    static final String ACL_PUBLIC = "bucket_acl_public";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;

    BucketReverts(S3Client s3) {
        this.s3 = s3;
    }

    RevertPlan revert(DriftDiff d) {
        String bucket = d.resourceId();
        if (d.deleted()) {
            return RevertPlan.refused("bucket " + bucket + " was deleted; Vigil does not recreate buckets");
        }
        RevertPlan plan = new RevertPlan().detail("bucket", bucket);
        d.settings().forEach(p -> plan.notReverted(p + " (Vigil reverts a bucket's public access: its public access block and policy)"));
        if (d.risks().contains(ACL_PUBLIC)) {
            plan.notReverted("the ACL grants to AllUsers/AuthenticatedUsers (Vigil does not rewrite ACLs; with the public access block on, "
                    + "S3 ignores them)");
        }
        if (d.risks().contains(PUBLIC_ACCESS_BLOCK_OFF) || d.risks().contains(ACL_PUBLIC)) {
            Optional<PublicAccessBlockConfiguration> before = publicAccessBlock(bucket);
            if (before.isEmpty() || !fullyOn(before.get())) {
                plan.detail("undo.public_access_block", before.map(BucketReverts::describe).orElse("none"));
                plan.call("s3:PutPublicAccessBlock Bucket=" + bucket + " " + describe(allOn()), () -> putPublicAccessBlock(bucket, allOn()), null);
            }
        }
        if (d.risks().contains(POLICY_PUBLIC)) {
            Optional<String> policy = policy(bucket);
            Optional<String> kept = policy.flatMap(BucketReverts::withoutPublicStatements);
            if (policy.isPresent() && kept.isPresent() && !kept.get().equals(policy.get())) {
                plan.detail("undo.bucket_policy", policy.get());
                if (kept.get().contains("\"Statement\":[]")) {
                    plan.call("s3:DeleteBucketPolicy Bucket=" + bucket + " (every statement allowed anyone)", () -> s3.deleteBucketPolicy(r -> r.bucket(bucket)), null);
                } else {
                    plan.call("s3:PutBucketPolicy Bucket=" + bucket + " Policy=" + kept.get(), () -> s3.putBucketPolicy(r -> r.bucket(bucket).policy(kept.get())), null);
                }
            }
        }
        return plan;
    }

    /** Puts back the public access block and the policy the revert replaced. */
    RevertPlan undo(String bucket, Map<String, String> recorded) {
        RevertPlan plan = new RevertPlan().detail("bucket", bucket);
        String block = recorded.get("undo.public_access_block");
        if ("none".equals(block)) {
            plan.call("s3:DeletePublicAccessBlock Bucket=" + bucket, () -> s3.deletePublicAccessBlock(r -> r.bucket(bucket)), null);
        } else if (block != null) {
            PublicAccessBlockConfiguration c = parse(block);
            plan.call("s3:PutPublicAccessBlock Bucket=" + bucket + " " + describe(c), () -> putPublicAccessBlock(bucket, c), null);
        }
        String policy = recorded.get("undo.bucket_policy");
        if (policy != null) {
            plan.call("s3:PutBucketPolicy Bucket=" + bucket + " Policy=" + policy, () -> s3.putBucketPolicy(r -> r.bucket(bucket).policy(policy)), null);
        }
        return plan;
    }

    private void putPublicAccessBlock(String bucket, PublicAccessBlockConfiguration c) {
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c));
    }

    private Optional<PublicAccessBlockConfiguration> publicAccessBlock(String bucket) {
        try {
            return Optional.of(s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration());
        } catch (AwsServiceException e) {
            if (code(e).equals("NoSuchPublicAccessBlockConfiguration")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<String> policy(String bucket) {
        try {
            return Optional.of(s3.getBucketPolicy(r -> r.bucket(bucket)).policy());
        } catch (AwsServiceException e) {
            if (code(e).equals("NoSuchBucketPolicy")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The policy without its Allow statements for anyone ({@code "*"} or {@code {"AWS": "*"}}); empty when it cannot be read. */
    static Optional<String> withoutPublicStatements(String policy) {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(policy);
            JsonNode statements = doc.path("Statement");
            ArrayNode kept = JSON.createArrayNode();
            boolean removed = false;
            for (JsonNode s : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
                JsonNode principal = s.path("Principal");
                boolean anyone = "*".equals(principal.asText()) || principal.path("AWS").asText().equals("*")
                        || (principal.path("AWS").isArray() && principal.path("AWS").toString().contains("\"*\""));
                if ("Allow".equals(s.path("Effect").asText()) && anyone && !s.has("Condition")) {
                    removed = true;
                } else {
                    kept.add(s);
                }
            }
            if (!removed) {
                return Optional.of(policy);
            }
            doc.set("Statement", kept);
            return Optional.of(JSON.writeValueAsString(doc));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static PublicAccessBlockConfiguration allOn() {
        return PublicAccessBlockConfiguration.builder().blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true).build();
    }

    private static boolean fullyOn(PublicAccessBlockConfiguration c) {
        return Boolean.TRUE.equals(c.blockPublicAcls()) && Boolean.TRUE.equals(c.ignorePublicAcls()) && Boolean.TRUE.equals(c.blockPublicPolicy())
                && Boolean.TRUE.equals(c.restrictPublicBuckets());
    }

    private static String describe(PublicAccessBlockConfiguration c) {
        return "BlockPublicAcls=" + on(c.blockPublicAcls()) + ",IgnorePublicAcls=" + on(c.ignorePublicAcls()) + ",BlockPublicPolicy=" + on(c.blockPublicPolicy())
                + ",RestrictPublicBuckets=" + on(c.restrictPublicBuckets());
    }

    private static PublicAccessBlockConfiguration parse(String described) {
        Map<String, Boolean> v = new java.util.HashMap<>();
        for (String kv : described.split(",")) {
            String[] p = kv.split("=", 2);
            v.put(p[0].trim(), p.length == 2 && Boolean.parseBoolean(p[1].trim()));
        }
        return PublicAccessBlockConfiguration.builder().blockPublicAcls(v.get("BlockPublicAcls")).ignorePublicAcls(v.get("IgnorePublicAcls"))
                .blockPublicPolicy(v.get("BlockPublicPolicy")).restrictPublicBuckets(v.get("RestrictPublicBuckets")).build();
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }
}
