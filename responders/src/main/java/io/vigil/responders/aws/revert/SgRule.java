package io.vigil.responders.aws.revert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * One security group rule for one source, the unit a revert revokes or re-authorizes: direction, protocol,
 * port range and a source (IPv4 or IPv6 CIDR, security group, prefix list). Written as text for the ledger
 * ({@code ingress tcp 22-22 0.0.0.0/0}) and read back from it for an undo.
 */
record SgRule(boolean egress, String protocol, Integer from, Integer to, String source) implements Comparable<SgRule> {
    static final Pattern RULE_PATH = Pattern.compile("^(ipPermissions|ipPermissionsEgress)\\[(\\d+)\\]\\.(.+)$");
    private static final Pattern SOURCE = Pattern.compile("^(ipv4Ranges\\[\\d+\\]\\.cidrIp|ipv6Ranges\\[\\d+\\]\\.cidrIpv6|userIdGroupPairs\\[\\d+\\]\\.groupId"
            + "|prefixListIds\\[\\d+\\]\\.prefixListId)$");
    private static final Pattern TEXT = Pattern.compile("^(ingress|egress) (\\S+) (all|(-?\\d+)-(-?\\d+)) (\\S+)$");

    SgRule {
        if ("-1".equals(protocol)) {
            from = null; // all traffic: EC2 reports the ports as absent or -1, they mean nothing
            to = null;
        }
    }

    /**
     * The rules a flattened security group configuration holds (AWS Config paths, canonical form, see
     * {@link SecurityGroupConfig}); a rule index without a protocol is a fragment, not a rule, and is left out.
     */
    static Set<SgRule> of(Map<String, String> flat) {
        Map<String, Map<String, String>> byRule = new TreeMap<>();
        flat.forEach((path, value) -> {
            Matcher m = RULE_PATH.matcher(path);
            if (m.matches()) {
                byRule.computeIfAbsent(m.group(1) + "[" + m.group(2) + "]", k -> new TreeMap<>()).put(m.group(3), value);
            }
        });
        Set<SgRule> out = new TreeSet<>();
        byRule.forEach((rule, fields) -> {
            String protocol = fields.get("ipProtocol");
            if (protocol == null) {
                return;
            }
            boolean egress = rule.startsWith("ipPermissionsEgress");
            Integer from = integer(fields.get("fromPort"));
            Integer to = integer(fields.get("toPort"));
            fields.forEach((k, v) -> {
                if (SOURCE.matcher(k).matches()) {
                    out.add(new SgRule(egress, protocol, from, to, v));
                }
            });
        });
        return out;
    }

    static Optional<SgRule> parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SgRule(m.group(1).equals("egress"), m.group(2), integer(m.group(4)), integer(m.group(5)), m.group(6)));
    }

    static List<SgRule> parseAll(String joined) {
        List<SgRule> out = new ArrayList<>();
        if (joined != null) {
            for (String part : joined.split(";")) {
                parse(part).ifPresent(out::add);
            }
        }
        return out;
    }

    IpPermission permission() {
        IpPermission.Builder b = IpPermission.builder().ipProtocol(protocol).fromPort(from).toPort(to);
        if (source.startsWith("sg-")) {
            b.userIdGroupPairs(p -> p.groupId(source));
        } else if (source.startsWith("pl-")) {
            b.prefixListIds(p -> p.prefixListId(source));
        } else if (source.contains(":")) {
            b.ipv6Ranges(r -> r.cidrIpv6(source));
        } else {
            b.ipRanges(r -> r.cidrIp(source));
        }
        return b.build();
    }

    /** The call's parameters as the API names them, for the ledger's exact text. */
    String apiArgs() {
        String src = source.startsWith("sg-") ? "SourceGroupId=" : source.startsWith("pl-") ? "PrefixListId=" : source.contains(":") ? "CidrIpv6=" : "CidrIp=";
        return "IpProtocol=" + protocol + (from == null ? "" : " FromPort=" + from + " ToPort=" + (to == null ? from : to)) + " " + src + source;
    }

    /** Whether a flattened rule field takes part in a rule's identity (protocol, ports, source), as opposed to descriptions. */
    static boolean identifying(String field) {
        return field.equals("ipProtocol") || field.equals("fromPort") || field.equals("toPort") || SOURCE.matcher(field).matches();
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return (egress ? "egress " : "ingress ") + protocol + " " + (from == null ? "all" : from + "-" + (to == null ? from : to)) + " " + source;
    }

    @Override
    public int compareTo(SgRule o) {
        return toString().compareTo(o.toString());
    }
}
