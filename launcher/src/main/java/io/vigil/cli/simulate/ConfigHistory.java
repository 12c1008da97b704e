package io.vigil.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.cli.simulate.Estate.Host;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Config configuration-history files as Config delivers them: per resource type and six-hour
 * window, {@code AWSLogs/<account>/Config/<region>/yyyy/m/d/ConfigHistory/<account>_Config_<region>_ConfigHistory_<type>_<end>_<start>_1.json.gz}
 * (month and day unpadded, as AWS writes them). The estate's instances (IMDSv2, no public address)
 * and its two security groups are discovered at the start; the web group is later opened to the
 * internet on SSH when that attack is injected.
 */
final class ConfigHistory {
    private static final Duration DELIVERY = Duration.ofHours(6);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/M/d").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Config records a change a few minutes after the API call. */
    private static final Duration RECORDING_DELAY = Duration.ofSeconds(400);

    private final ObjectMapper json = new ObjectMapper();
    private final SimulationSpec spec;
    private final Estate estate;

    ConfigHistory(SimulationSpec spec, Estate estate) {
        this.spec = spec;
        this.estate = estate;
    }

    List<WrittenFile> write(Path out) throws IOException {
        List<ObjectNode> items = new ArrayList<>();
        Instant start = spec.start();
        for (Host h : estate.hosts()) {
            items.add(instance(h, start));
        }
        items.add(securityGroup(estate.webGroup(), "web", start, false, "ResourceDiscovered"));
        items.add(securityGroup(estate.dbGroup(), "db", start, false, "ResourceDiscovered"));
        if (spec.has(Attack.SG_OPENED)) {
            items.add(securityGroup(estate.webGroup(), "web", spec.at(Attack.SG_OPENED).plus(RECORDING_DELAY), true, "OK"));
        }
        // one file per (delivery window, resource type), in window order
        Map<Long, Map<String, List<ObjectNode>>> byWindow = new TreeMap<>();
        for (ObjectNode item : items) {
            Instant at = Instant.parse(item.get("configurationItemCaptureTime").asText());
            long window = Duration.between(start, at).toSeconds() / DELIVERY.toSeconds();
            byWindow.computeIfAbsent(window, w -> new TreeMap<>()).computeIfAbsent(item.get("resourceType").asText(), t -> new ArrayList<>()).add(item);
        }
        List<WrittenFile> files = new ArrayList<>();
        for (var window : byWindow.entrySet()) {
            Instant from = start.plus(DELIVERY.multipliedBy(window.getKey()));
            Instant to = from.plus(DELIVERY);
            for (var type : window.getValue().entrySet()) {
                files.add(writeFile(out, from, to, type.getKey(), type.getValue()));
            }
        }
        return files;
    }

    private WrittenFile writeFile(Path out, Instant from, Instant to, String type, List<ObjectNode> items) throws IOException {
        Path file = out.resolve("AWSLogs/" + Estate.ACCOUNT + "/Config/" + Estate.REGION + "/" + DAY.format(to) + "/ConfigHistory/" + Estate.ACCOUNT
                + "_Config_" + Estate.REGION + "_ConfigHistory_" + type + "_" + STAMP.format(to) + "_" + STAMP.format(from) + "_1.json.gz");
        ObjectNode history = json.createObjectNode();
        history.put("fileVersion", "1.0");
        ArrayNode array = history.putArray("configurationItems");
        items.forEach(array::add);
        try (Writer w = GzipText.open(file)) {
            json.writeValue(w, history);
        }
        return new WrittenFile(file, "awsconfig", items.size());
    }

    private ObjectNode item(String type, String id, String name, String arn, Instant at, String status) {
        ObjectNode item = json.createObjectNode();
        item.put("configurationItemVersion", "1.3");
        item.put("configurationItemCaptureTime", at.toString());
        item.put("configurationItemStatus", status);
        item.put("configurationStateId", String.valueOf(at.toEpochMilli()));
        item.put("awsAccountId", Estate.ACCOUNT);
        item.put("resourceType", type);
        item.put("resourceId", id);
        item.put("resourceName", name);
        item.put("awsRegion", Estate.REGION);
        item.put("availabilityZone", Estate.REGION + "a");
        item.put("ARN", arn);
        return item;
    }

    private ObjectNode instance(Host h, Instant at) {
        ObjectNode item = item("AWS::EC2::Instance", h.instanceId(), h.name(),
                "arn:aws:ec2:" + Estate.REGION + ":" + Estate.ACCOUNT + ":instance/" + h.instanceId(), at, "ResourceDiscovered");
        ObjectNode cfg = item.putObject("configuration");
        cfg.put("instanceId", h.instanceId());
        cfg.put("instanceType", h.web() ? "t3.medium" : "r6g.large");
        cfg.put("privateIpAddress", h.ip());
        cfg.put("vpcId", Estate.VPC);
        cfg.putObject("metadataOptions").put("httpTokens", "required").put("httpEndpoint", "enabled");
        cfg.putArray("networkInterfaces").addObject().put("networkInterfaceId", h.eni()).put("privateIpAddress", h.ip());
        cfg.putArray("securityGroups").addObject().put("groupId", h.web() ? estate.webGroup() : estate.dbGroup());
        cfg.putObject("state").put("name", "running");
        item.putObject("tags").put("Name", h.name());
        item.putArray("relationships");
        return item;
    }

    private ObjectNode securityGroup(String id, String name, Instant at, boolean sshOpen, String status) {
        ObjectNode item = item("AWS::EC2::SecurityGroup", id, name, "arn:aws:ec2:" + Estate.REGION + ":" + Estate.ACCOUNT + ":security-group/" + id,
                at, status);
        ObjectNode cfg = item.putObject("configuration");
        cfg.put("groupId", id);
        cfg.put("groupName", name);
        cfg.put("vpcId", Estate.VPC);
        ArrayNode rules = cfg.putArray("ipPermissions");
        if ("web".equals(name)) {
            rule(rules, 443, Estate.LOAD_BALANCER.substring(0, Estate.LOAD_BALANCER.lastIndexOf('.')) + ".0/24");
        } else {
            rule(rules, 5432, "10.0.2.0/23");
        }
        if (sshOpen) {
            rule(rules, 22, "0.0.0.0/0");
        }
        item.putObject("tags");
        item.putArray("relationships");
        return item;
    }

    private static void rule(ArrayNode rules, int port, String cidr) {
        ObjectNode r = rules.addObject();
        r.put("ipProtocol", "tcp").put("fromPort", port).put("toPort", port);
        r.putArray("ipRanges").add(cidr);
        r.putArray("ipv4Ranges").addObject().put("cidrIp", cidr);
    }
}
