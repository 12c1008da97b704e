package io.vigil.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The network and configuration side of the demo: VPC flow logs of a small web estate (two web
 * servers behind a load balancer, a database, outbound HTTPS) for the same days as the CloudTrail
 * scenario, then, on the last day, SSH password guessing against a web server and a scan from it;
 * and AWS Config items of the web security group, baselined closed, then opened to the internet on SSH.
 */
final class EstateScenario {
    private static final String ACCOUNT = ScenarioGenerator.ACCOUNT;
    private static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n";
    private final Random random;
    private final Instant start;

    EstateScenario(long seed, Instant start) {
        this.random = new Random(seed * 31 + 1);
        this.start = start;
    }

    List<Path> write(Path dir, int days) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            Instant dayStart = start.plus(Duration.ofDays(day));
            Path file = dir.resolve("AWSLogs/" + ACCOUNT + "/vpcflowlogs/eu-west-1/flows-day" + (day + 1) + ".log.gz");
            Files.createDirectories(file.getParent());
            try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
                w.write(HEADER);
                for (int minute = 0; minute < 24 * 60; minute += 5) {
                    long t = dayStart.getEpochSecond() + minute * 60L;
                    // the load balancer to both web servers, the web servers to the database and out to an API
                    w.write(flow("eni-0web1", "10.0.1.10", "10.0.2.11", 40000 + random.nextInt(20000), 443, 6, 20, 9000 + random.nextInt(4000), t, "ACCEPT"));
                    w.write(flow("eni-0web2", "10.0.1.10", "10.0.2.12", 40000 + random.nextInt(20000), 443, 6, 20, 9000 + random.nextInt(4000), t, "ACCEPT"));
                    w.write(flow("eni-0web1", "10.0.2.11", "10.0.3.20", 41000 + random.nextInt(9000), 5432, 6, 12, 3000 + random.nextInt(800), t, "ACCEPT"));
                    w.write(flow("eni-0web2", "10.0.2.12", "52.94.5.100", 42000 + random.nextInt(9000), 443, 6, 14, 5000 + random.nextInt(900), t, "ACCEPT"));
                }
                if (day == days - 1) {
                    long attack = dayStart.plus(Duration.ofHours(2)).getEpochSecond();
                    for (int i = 0; i < 150; i++) { // password guessing from a VPS, every 4 seconds
                        w.write(flow("eni-0web1", "203.0.113.66", "10.0.2.11", 50000 + i, 22, 6, 12, 2400, attack + i * 4L, "ACCEPT"));
                    }
                    long scan = attack + 900;
                    for (int port = 1; port <= 200; port++) { // then the web server sweeps the database's ports
                        w.write(flow("eni-0web1", "10.0.2.11", "10.0.3.20", 55000, port, 6, 1, 44, scan + port / 10, port == 5432 ? "ACCEPT" : "REJECT"));
                    }
                }
            }
            files.add(file);
        }
        files.add(writeConfig(dir, days));
        return files;
    }

    private static String flow(String eni, String src, String dst, int sport, int dport, int proto, int packets, int bytes, long t, String action) {
        return "2 " + ACCOUNT + " " + eni + " " + src + " " + dst + " " + sport + " " + dport + " " + proto + " " + packets + " " + bytes + " "
                + t + " " + (t + 60) + " " + action + " OK\n";
    }

    /** The web security group as AWS Config records it: discovered closed, later opened to the internet on SSH. */
    private Path writeConfig(Path dir, int days) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode history = json.createObjectNode();
        history.put("fileVersion", "1.0");
        ArrayNode items = history.putArray("configurationItems");
        items.add(securityGroup(json, start, false, "ResourceDiscovered"));
        items.add(securityGroup(json, start.plus(Duration.ofDays(days - 1)).plus(Duration.ofHours(2)).plusSeconds(400), true, "OK"));
        Path file = dir.resolve("AWSLogs/" + ACCOUNT + "/Config/eu-west-1/ConfigHistory_AWS__EC2__SecurityGroup.json.gz");
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            json.writeValue(out, history);
        }
        return file;
    }

    private static ObjectNode securityGroup(ObjectMapper json, Instant at, boolean sshOpen, String status) {
        ObjectNode item = json.createObjectNode();
        item.put("configurationItemVersion", "1.3");
        item.put("configurationItemCaptureTime", at.toString());
        item.put("configurationItemStatus", status);
        item.put("configurationStateId", String.valueOf(at.toEpochMilli()));
        item.put("awsAccountId", ACCOUNT);
        item.put("resourceType", "AWS::EC2::SecurityGroup");
        item.put("resourceId", "sg-0web");
        item.put("resourceName", "web");
        item.put("awsRegion", "eu-west-1");
        item.put("ARN", "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":security-group/sg-0web");
        ObjectNode cfg = item.putObject("configuration");
        cfg.put("groupId", "sg-0web");
        cfg.put("groupName", "web");
        ArrayNode rules = cfg.putArray("ipPermissions");
        ObjectNode https = rules.addObject();
        https.put("ipProtocol", "tcp").put("fromPort", 443).put("toPort", 443);
        https.putArray("ipRanges").add("10.0.1.0/24");
        if (sshOpen) {
            ObjectNode ssh = rules.addObject();
            ssh.put("ipProtocol", "tcp").put("fromPort", 22).put("toPort", 22);
            ssh.putArray("ipRanges").add("0.0.0.0/0");
        }
        item.putObject("tags");
        item.putArray("relationships");
        return item;
    }
}
