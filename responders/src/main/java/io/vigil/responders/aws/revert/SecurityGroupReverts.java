package io.vigil.responders.aws.revert;

import io.vigil.responders.revert.DriftDiff;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Revert plan for a security group: the baseline's rules are rebuilt from the group as EC2 shows it now with
 * the finding's changed settings put back to their baseline values (only when the group still shows what
 * the finding saw, and the finding lists every change); rules present now but not in the baseline are
 * revoked, rules of the baseline missing now are authorized again. Descriptions, tags and names are left
 * alone and listed as not reverted.
 *
 * <p>Why: an ingress rule opened to the internet (often SSH or RDP) is the commonest drift an attacker or a
 * hurried engineer leaves behind. ATT&CK T1562.007 (disable or modify cloud firewall); AWS Config rule
 * restricted-ssh; playbook configuration-drift.
 */
final class SecurityGroupReverts {
    private final Ec2Client ec2;

    SecurityGroupReverts(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    RevertPlan revert(DriftDiff d) {
        String id = d.resourceId();
        if (d.deleted()) {
            return RevertPlan.refused("security group " + id + " was deleted; Vigil does not recreate deleted groups (their ids, references and "
                    + "attachments cannot be brought back); recreate it by hand from the baseline");
        }
        if (!d.complete()) {
            return RevertPlan.refused("the finding lists " + d.settings().size() + " of the " + d.changedSettings().getAsInt() + " changed settings of "
                    + id + ", and a revert needs them all; revert by hand, or approve the current configuration as the baseline");
        }
        Optional<SecurityGroup> found = describe(id);
        if (found.isEmpty()) {
            return RevertPlan.refused("security group " + id + " does not exist (any more)");
        }
        Map<String, String> now = SecurityGroupConfig.flatten(found.get());
        Map<String, String> baseline = new TreeMap<>(now);
        if (allAtBaseline(d, now)) {
            return RevertPlan.refused("already at its baseline: " + id + " shows the baseline value of every changed rule setting");
        }
        RevertPlan plan = new RevertPlan();
        for (String path : d.settings()) {
            String c = SecurityGroupConfig.canonical(path);
            Matcher rule = SgRule.RULE_PATH.matcher(c);
            if (!rule.matches() || !SgRule.identifying(rule.group(3))) {
                plan.notReverted(path + " (Vigil reverts a security group's rules; descriptions, tags and names stay as they are)");
                continue;
            }
            String was = value(d.baseline().get(path));
            String seen = value(d.observed().get(path));
            if (!Objects.equals(now.get(c), seen)) {
                return RevertPlan.refused(id + " changed since the finding: " + path + " is " + shown(now.get(c)) + " now, the finding saw "
                        + shown(seen) + "; revert from a newer finding, or by hand");
            }
            if (was == null) {
                baseline.remove(c);
            } else {
                baseline.put(c, was);
            }
        }
        Set<SgRule> current = SgRule.of(now);
        Set<SgRule> wanted = SgRule.of(baseline);
        Set<SgRule> revoke = new TreeSet<>(current);
        revoke.removeAll(wanted);
        Set<SgRule> authorize = new TreeSet<>(wanted);
        authorize.removeAll(current);
        revoke.forEach(r -> revoke(plan, id, r));
        authorize.forEach(r -> authorize(plan, id, r));
        return plan.detail("group", id).detail("undo.revoked", join(revoke)).detail("undo.authorized", join(authorize));
    }

    /** Authorizes again what the revert revoked and revokes what it authorized, where the group still shows the revert's result. */
    RevertPlan undo(String id, Map<String, String> recorded) {
        Optional<SecurityGroup> found = describe(id);
        if (found.isEmpty()) {
            return RevertPlan.refused("security group " + id + " does not exist (any more)");
        }
        Set<SgRule> now = SgRule.of(SecurityGroupConfig.flatten(found.get()));
        RevertPlan plan = new RevertPlan();
        List<SgRule> back = SgRule.parseAll(recorded.get("undo.revoked")).stream().filter(r -> !now.contains(r)).toList();
        List<SgRule> away = SgRule.parseAll(recorded.get("undo.authorized")).stream().filter(now::contains).toList();
        back.forEach(r -> authorize(plan, id, r));
        away.forEach(r -> revoke(plan, id, r));
        return plan.detail("group", id).detail("undo.revoked", join(away)).detail("undo.authorized", join(back));
    }

    private void revoke(RevertPlan plan, String id, SgRule r) {
        String call = r.egress() ? "RevokeSecurityGroupEgress" : "RevokeSecurityGroupIngress";
        plan.call("ec2:" + call + " GroupId=" + id + " " + r.apiArgs(),
                () -> revoke(id, r, false), () -> revoke(id, r, true));
    }

    private void authorize(RevertPlan plan, String id, SgRule r) {
        String call = r.egress() ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroupIngress";
        plan.call("ec2:" + call + " GroupId=" + id + " " + r.apiArgs(),
                () -> authorize(id, r, false), () -> authorize(id, r, true));
    }

    private void revoke(String id, SgRule r, boolean dryRun) {
        if (r.egress()) {
            ec2.revokeSecurityGroupEgress(b -> b.dryRun(dryRun).groupId(id).ipPermissions(r.permission()));
        } else {
            ec2.revokeSecurityGroupIngress(b -> b.dryRun(dryRun).groupId(id).ipPermissions(r.permission()));
        }
    }

    private void authorize(String id, SgRule r, boolean dryRun) {
        if (r.egress()) {
            ec2.authorizeSecurityGroupEgress(b -> b.dryRun(dryRun).groupId(id).ipPermissions(r.permission()));
        } else {
            ec2.authorizeSecurityGroupIngress(b -> b.dryRun(dryRun).groupId(id).ipPermissions(r.permission()));
        }
    }

    /** Whether every changed rule setting (there is at least one) already holds its baseline value. */
    private static boolean allAtBaseline(DriftDiff d, Map<String, String> now) {
        List<Map.Entry<String, String>> rules = d.settings().stream().map(p -> Map.entry(SecurityGroupConfig.canonical(p), p))
                .filter(e -> {
                    Matcher m = SgRule.RULE_PATH.matcher(e.getKey());
                    return m.matches() && SgRule.identifying(m.group(3));
                }).toList();
        return !rules.isEmpty() && rules.stream().allMatch(e -> Objects.equals(now.get(e.getKey()), value(d.baseline().get(e.getValue()))));
    }

    private Optional<SecurityGroup> describe(String id) {
        try {
            return ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().stream().findFirst();
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && "InvalidGroup.NotFound".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The finding's markers for "not there" as null. */
    private static String value(String v) {
        return v == null || DriftDiff.ABSENT.equals(v) || DriftDiff.REMOVED.equals(v) ? null : v;
    }

    private static String shown(String v) {
        return v == null ? "absent" : v;
    }

    private static String join(Set<SgRule> rules) {
        return String.join("; ", rules.stream().map(SgRule::toString).toList());
    }

    private static String join(List<SgRule> rules) {
        return String.join("; ", rules.stream().map(SgRule::toString).toList());
    }
}
