package io.vigil.streams.detect.cross;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the cross-source detection reads from AWS Config items: a security group's rules open to the whole internet
 * ({@code 0.0.0.0/0}, {@code ::/0}), and which security groups an instance's or a network interface's item puts its
 * interfaces in. Pure and defensive: an item it cannot read says nothing.
 */
final class ConfigFacts {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";
    static final String INSTANCE = "AWS::EC2::Instance";
    static final String INTERFACE = "AWS::EC2::NetworkInterface";

    /** One interface in one group: the interface id and its instance (or null). */
    record Member(String groupId, String interfaceId, String instanceId) {}

    private ConfigFacts() {}

    static boolean deleted(ConfigChange c) {
        return c.getStatus() != null && c.getStatus().startsWith("ResourceDeleted");
    }

    /** The ingress rules of a security group item open to the world, as port ranges (none when it is not readable). */
    static List<PortRange> openToWorld(ConfigChange c) {
        List<PortRange> out = new ArrayList<>();
        for (JsonNode rule : configuration(c).path("ipPermissions")) {
            if (!world(rule)) {
                continue;
            }
            int protocol = protocol(rule.path("ipProtocol").asText("-1"));
            boolean allPorts = protocol == -1 || protocol == 1 || !rule.hasNonNull("fromPort");
            int from = allPorts ? -1 : rule.get("fromPort").asInt();
            int to = rule.hasNonNull("toPort") ? rule.get("toPort").asInt() : from;
            PortRange r = allPorts ? new PortRange(protocol, -1, -1) : new PortRange(protocol, from, to);
            if (!out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The (group, interface) pairs an instance or interface item states; none for other types. */
    static List<Member> members(ConfigChange c) {
        JsonNode conf = configuration(c);
        List<Member> out = new ArrayList<>();
        if (INSTANCE.equals(c.getResourceType())) {
            String instance = conf.path("instanceId").asText(c.getResourceId());
            for (JsonNode eni : conf.path("networkInterfaces")) {
                String id = eni.path("networkInterfaceId").asText(null);
                Set<String> groups = groups(eni.path("groups"));
                if (groups.isEmpty()) {
                    groups = groups(conf.path("securityGroups"));
                }
                for (String g : groups) {
                    if (id != null) {
                        out.add(new Member(g, id, instance));
                    }
                }
            }
        } else if (INTERFACE.equals(c.getResourceType())) {
            String id = conf.path("networkInterfaceId").asText(c.getResourceId());
            String instance = conf.path("attachment").path("instanceId").asText(null);
            Set<String> groups = groups(conf.path("groups"));
            for (Relationship r : c.getRelationships()) {
                if (SECURITY_GROUP.equals(r.getResourceType()) && r.getResourceId() != null) {
                    groups.add(r.getResourceId());
                }
            }
            groups.forEach(g -> out.add(new Member(g, id, instance)));
        }
        return out;
    }

    private static Set<String> groups(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode g : list) {
            String id = g.path("groupId").asText(null);
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    /** Any IPv4 or IPv6 range of the rule with a /0 prefix, in either shape Config writes ({@code ipRanges} text or objects). */
    private static boolean world(JsonNode rule) {
        for (String field : new String[] {"ipRanges", "ipv4Ranges", "ipv6Ranges"}) {
            for (JsonNode r : rule.path(field)) {
                String cidr = r.isTextual() ? r.asText() : r.path("cidrIp").asText(r.path("cidrIpv6").asText(""));
                if (cidr.endsWith("/0")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int protocol(String p) {
        return switch (p.toLowerCase()) {
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp", "icmpv6" -> 1;
            case "-1", "all" -> -1;
            default -> {
                try {
                    yield Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    yield -1;
                }
            }
        };
    }

    private static JsonNode configuration(ConfigChange c) {
        try {
            JsonNode n = c.getConfiguration() == null ? null : JSON.readTree(c.getConfiguration());
            return n == null ? JSON.missingNode() : n;
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }
}
