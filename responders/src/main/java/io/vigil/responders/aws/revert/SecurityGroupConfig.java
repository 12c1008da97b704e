package io.vigil.responders.aws.revert;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * A security group as EC2 shows it now, flattened the way the drift detector flattens AWS Config's item for
 * it ({@code ipPermissions[0].ipv4Ranges[0].cidrIp}), so the finding's changed paths can be checked against
 * the cloud and the baseline rebuilt from it. Config lists IPv4 sources twice ({@code ipRanges[j]} as
 * strings, {@code ipv4Ranges[j].cidrIp}); both are read as the latter ({@link #canonical}).
 */
final class SecurityGroupConfig {
    private static final Pattern IP_RANGES = Pattern.compile("^(.*)\\.ipRanges\\[(\\d+)\\]$");

    private SecurityGroupConfig() {}

    static Map<String, String> flatten(SecurityGroup sg) {
        Map<String, String> out = new TreeMap<>();
        rules("ipPermissions", sg.ipPermissions(), out);
        rules("ipPermissionsEgress", sg.ipPermissionsEgress(), out);
        return out;
    }

    /** One name per setting: {@code …ipRanges[j]} (Config's string list) is the same source as {@code …ipv4Ranges[j].cidrIp}. */
    static String canonical(String path) {
        Matcher m = IP_RANGES.matcher(path);
        return m.matches() ? m.group(1) + ".ipv4Ranges[" + m.group(2) + "].cidrIp" : path;
    }

    private static void rules(String name, List<IpPermission> rules, Map<String, String> out) {
        for (int i = 0; i < rules.size(); i++) {
            IpPermission p = rules.get(i);
            String at = name + "[" + i + "].";
            out.put(at + "ipProtocol", p.ipProtocol());
            if (p.fromPort() != null) {
                out.put(at + "fromPort", String.valueOf(p.fromPort()));
            }
            if (p.toPort() != null) {
                out.put(at + "toPort", String.valueOf(p.toPort()));
            }
            for (int j = 0; j < p.ipRanges().size(); j++) {
                out.put(at + "ipv4Ranges[" + j + "].cidrIp", p.ipRanges().get(j).cidrIp());
            }
            for (int j = 0; j < p.ipv6Ranges().size(); j++) {
                out.put(at + "ipv6Ranges[" + j + "].cidrIpv6", p.ipv6Ranges().get(j).cidrIpv6());
            }
            for (int j = 0; j < p.userIdGroupPairs().size(); j++) {
                out.put(at + "userIdGroupPairs[" + j + "].groupId", p.userIdGroupPairs().get(j).groupId());
            }
            for (int j = 0; j < p.prefixListIds().size(); j++) {
                out.put(at + "prefixListIds[" + j + "].prefixListId", p.prefixListIds().get(j).prefixListId());
            }
        }
    }
}
