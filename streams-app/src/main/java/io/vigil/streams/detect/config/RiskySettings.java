package io.vigil.streams.detect.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The secure-configuration baseline: settings that are risky whatever the resource's history, in the
 * spirit of AWS Config managed rules and CIS AWS Foundations (security groups open to the world,
 * public buckets and databases, unencrypted storage, IMDSv1, instances with public addresses, trails
 * without validation, distributions without a WAF). Pure.
 */
final class RiskySettings {
    static final Set<Integer> ADMIN_PORTS = Set.of(22, 23, 3389, 5985, 5986, 5900, 3306, 5432, 1433, 1521, 6379, 9200, 27017, 2375, 445);

    /** One risky setting: the rule's name, how bad, the path it concerns and why. */
    record Risk(String rule, Severity severity, String path, String why, List<String> attack) {}

    private RiskySettings() {}

    static List<Risk> of(ConfigChange c) {
        JsonNode cfg = ConfigFlattener.parse(c.getConfiguration());
        JsonNode sup = ConfigFlattener.parse(c.getSupplementaryConfiguration());
        List<Risk> out = new ArrayList<>();
        switch (c.getResourceType()) {
            case "AWS::EC2::SecurityGroup" -> securityGroup(cfg, out);
            case "AWS::S3::Bucket" -> bucket(sup, out);
            case "AWS::EC2::Instance" -> {
                if (!cfg.path("publicIpAddress").asText("").isEmpty()) {
                    out.add(new Risk("instance_public_ip", Severity.LOW, "publicIpAddress", "the instance is reachable from the internet", List.of("T1133")));
                }
                if ("optional".equals(cfg.path("metadataOptions").path("httpTokens").asText())) {
                    out.add(new Risk("imds_v1", Severity.LOW, "metadataOptions.httpTokens", "IMDSv1 lets SSRF steal the instance role's credentials", List.of("T1552.005")));
                }
            }
            case "AWS::EC2::Volume" -> {
                if (cfg.has("encrypted") && !cfg.path("encrypted").asBoolean()) {
                    out.add(new Risk("volume_unencrypted", Severity.LOW, "encrypted", "the volume is not encrypted at rest", List.of()));
                }
            }
            case "AWS::RDS::DBInstance" -> {
                if (cfg.path("publiclyAccessible").asBoolean(false)) {
                    out.add(new Risk("database_public", Severity.HIGH, "publiclyAccessible", "the database accepts connections from the internet", List.of("T1190")));
                }
                if (cfg.has("storageEncrypted") && !cfg.path("storageEncrypted").asBoolean()) {
                    out.add(new Risk("database_unencrypted", Severity.LOW, "storageEncrypted", "the database is not encrypted at rest", List.of()));
                }
            }
            case "AWS::CloudTrail::Trail" -> {
                if (cfg.has("logFileValidationEnabled") && !cfg.path("logFileValidationEnabled").asBoolean()) {
                    out.add(new Risk("trail_no_validation", Severity.LOW, "logFileValidationEnabled", "trail log files can be altered undetected", List.of("T1565")));
                }
            }
            case "AWS::CloudFront::Distribution" -> {
                JsonNode acl = cfg.path("distributionConfig").path("webACLId");
                if (!acl.isMissingNode() && acl.asText("").isEmpty()) {
                    out.add(new Risk("distribution_no_waf", Severity.LOW, "distributionConfig.webACLId", "the distribution has no web application firewall", List.of("T1190")));
                }
            }
            case "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group" -> {
                String text = String.valueOf(c.getConfiguration()).replace("\\", "").replace("%22", "\"").replace("%2A", "*").replaceAll("\\s", "");
                if (text.contains("\"Action\":\"*\"") && text.contains("\"Resource\":\"*\"") && text.contains("Allow")) {
                    out.add(new Risk("iam_admin_policy", Severity.MEDIUM, "policy document", "grants every action on every resource", List.of("T1098.003")));
                }
            }
            default -> { }
        }
        return out;
    }

    private static void securityGroup(JsonNode cfg, List<Risk> out) {
        JsonNode rules = cfg.path("ipPermissions");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            boolean world = false;
            for (JsonNode range : r.path("ipRanges")) {
                world |= wholeInternet(range.isTextual() ? range.asText() : range.path("cidrIp").asText());
            }
            for (JsonNode range : r.path("ipv6Ranges")) {
                world |= wholeInternet(range.isTextual() ? range.asText() : range.path("cidrIpv6").asText());
            }
            if (!world) {
                continue;
            }
            int from = r.path("fromPort").asInt(-1);
            int to = r.path("toPort").asInt(from);
            boolean all = "-1".equals(r.path("ipProtocol").asText()) || from == -1;
            boolean admin = all || ADMIN_PORTS.stream().anyMatch(p -> from <= p && p <= to);
            String ports = all ? "all ports" : from == to ? "port " + from : "ports " + from + "-" + to;
            out.add(new Risk(admin ? "sg_admin_port_open_to_world" : "sg_open_to_world", admin ? Severity.HIGH : Severity.MEDIUM,
                    "ipPermissions[" + i + "]", ports + " open to the whole internet", List.of("T1562.007")));
        }
    }

    /** A /0 prefix is every address, whatever the address bits written before it. */
    private static boolean wholeInternet(String cidr) {
        return cidr.endsWith("/0");
    }

    private static void bucket(JsonNode sup, List<Risk> out) {
        JsonNode block = sup.path("PublicAccessBlockConfiguration");
        if (block.isObject() && !(block.path("blockPublicAcls").asBoolean() && block.path("blockPublicPolicy").asBoolean()
                && block.path("ignorePublicAcls").asBoolean() && block.path("restrictPublicBuckets").asBoolean())) {
            out.add(new Risk("bucket_public_access_block_off", Severity.MEDIUM, "PublicAccessBlockConfiguration", "the bucket can be made public", List.of("T1530")));
        }
        String policy = sup.path("BucketPolicy").path("policyText").asText("").replace("\\", "").replaceAll("\\s", "");
        if (policy.contains("\"Principal\":\"*\"") || policy.contains("\"AWS\":\"*\"")) {
            out.add(new Risk("bucket_policy_public", Severity.HIGH, "BucketPolicy", "the bucket policy grants access to anyone", List.of("T1530")));
        }
        String acl = sup.path("AccessControlList").toString();
        if (acl.contains("AllUsers") || acl.contains("AuthenticatedUsers")) {
            out.add(new Risk("bucket_acl_public", Severity.HIGH, "AccessControlList", "the bucket ACL grants access to all users", List.of("T1530")));
        }
    }
}
