package io.vigil.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a reproducible scenario as CloudTrail delivers it (gzip {@code {"Records":[...]}} files under
 * {@code AWSLogs/<account>/CloudTrail/<region>/yyyy/mm/dd/}): days of ordinary work by a CI role, an
 * engineer and a backup service, then the backup service's stolen access key used from a new address
 * for reconnaissance, persistence and defence evasion. Also used to make benchmark data.
 */
public final class ScenarioGenerator {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final Instant start;

    public ScenarioGenerator(long seed, Instant start) {
        this.random = new Random(seed);
        this.start = start;
    }

    private record Actor(String type, String arn, String userName, String accessKey, String ip, String userAgent, List<String[]> calls) {}

    /** Writes the scenario under {@code dir}; returns the files written. */
    public List<Path> write(Path dir, int days) throws IOException {
        List<Actor> normal = List.of(
                new Actor("AssumedRole", "arn:aws:sts::" + ACCOUNT + ":assumed-role/ci-deployer/build-4711", null, "ASIA" + key(), "10.20.0.15",
                        "aws-sdk-java/2.25.0 Linux/6.1", calls("ec2:DescribeInstances", "ec2:RunInstances", "ecr:GetAuthorizationToken",
                        "ecs:UpdateService", "s3:PutObject", "cloudformation:DescribeStacks")),
                new Actor("IAMUser", "arn:aws:iam::" + ACCOUNT + ":user/alice", "alice", "AKIA" + key(), "198.51.100.23",
                        "aws-cli/2.15.0 Python/3.11 Darwin/23", calls("s3:ListBuckets", "ec2:DescribeSecurityGroups", "logs:FilterLogEvents",
                        "cloudwatch:GetMetricData", "iam:GetUser")),
                new Actor("IAMUser", "arn:aws:iam::" + ACCOUNT + ":user/backup-svc", "backup-svc", "AKIA" + key(), "10.20.4.9",
                        "aws-sdk-go/1.50 linux", calls("s3:PutObject", "s3:GetBucketLocation", "ec2:CreateSnapshot", "ec2:DescribeSnapshots")));
        List<Path> files = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            List<ObjectNode> records = new ArrayList<>();
            Instant dayStart = start.plus(Duration.ofDays(day));
            for (Actor a : normal) {
                int n = 40 + random.nextInt(20);
                for (int i = 0; i < n; i++) {
                    // office hours for people, round the clock for machines
                    int hour = "alice".equals(a.userName()) ? 8 + random.nextInt(10) : random.nextInt(24);
                    Instant t = dayStart.plus(Duration.ofHours(hour)).plusSeconds(random.nextInt(3600));
                    String[] call = a.calls().get(random.nextInt(a.calls().size()));
                    records.add(event(a, t, call[0], call[1], null, a.ip(), a.userAgent()));
                }
            }
            if (day == days - 1) {
                records.addAll(attack(normal.get(2), dayStart.plus(Duration.ofHours(3))));
            }
            records.sort((x, y) -> x.get("eventTime").asText().compareTo(y.get("eventTime").asText()));
            files.add(writeFile(dir, dayStart, records));
        }
        return files;
    }

    /** The stolen backup key, used from a VPS: recon, a backdoor admin user, then the audit trail and flow logs turned off. */
    private List<ObjectNode> attack(Actor victim, Instant t0) {
        String ip = "203.0.113.66";
        String ua = "python-requests/2.31.0";
        List<ObjectNode> out = new ArrayList<>();
        String[][] steps = {
                {"sts", "GetCallerIdentity", null}, {"iam", "ListUsers", null}, {"iam", "ListRoles", null}, {"iam", "ListAttachedUserPolicies", null},
                {"ec2", "DescribeInstances", null}, {"s3", "ListBuckets", null}, {"secretsmanager", "ListSecrets", "AccessDenied"},
                {"iam", "CreateUser", null}, {"iam", "AttachUserPolicy", null}, {"iam", "CreateAccessKey", null},
                {"cloudtrail", "PutEventSelectors", null}, {"cloudtrail", "StopLogging", null}, {"ec2", "DeleteFlowLogs", "AccessDenied"}};
        for (int i = 0; i < steps.length; i++) {
            ObjectNode e = event(victim, t0.plusSeconds(i * 17L), steps[i][0], steps[i][1], steps[i][2], ip, ua);
            if ("AttachUserPolicy".equals(steps[i][1])) {
                e.putObject("requestParameters").put("userName", "svc-maint").put("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
            } else if ("CreateUser".equals(steps[i][1]) || "CreateAccessKey".equals(steps[i][1])) {
                e.putObject("requestParameters").put("userName", "svc-maint");
            } else if ("StopLogging".equals(steps[i][1])) {
                e.putObject("requestParameters").put("name", "arn:aws:cloudtrail:" + REGION + ":" + ACCOUNT + ":trail/org-trail");
            }
            out.add(e);
        }
        return out;
    }

    private ObjectNode event(Actor a, Instant t, String service, String name, String error, String ip, String ua) {
        ObjectNode e = json.createObjectNode();
        e.put("eventVersion", "1.09");
        ObjectNode id = e.putObject("userIdentity");
        id.put("type", a.type());
        id.put("principalId", "AIDA" + Integer.toHexString(a.arn().hashCode()).toUpperCase());
        id.put("arn", a.arn());
        id.put("accountId", ACCOUNT);
        id.put("accessKeyId", a.accessKey());
        if (a.userName() != null) {
            id.put("userName", a.userName());
        } else {
            ObjectNode issuer = id.putObject("sessionContext").putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/ci-deployer");
            issuer.put("userName", "ci-deployer");
        }
        e.put("eventTime", t.toString().replaceAll("\\.\\d+Z$", "Z"));
        e.put("eventSource", service + ".amazonaws.com");
        e.put("eventName", name);
        e.put("awsRegion", REGION);
        e.put("sourceIPAddress", ip);
        e.put("userAgent", ua);
        if (error != null) {
            e.put("errorCode", error);
            e.put("errorMessage", "User: " + a.arn() + " is not authorized to perform: " + service + ":" + name);
        }
        e.putNull("requestParameters");
        e.putNull("responseElements");
        e.put("requestID", new UUID(random.nextLong(), random.nextLong()).toString());
        e.put("eventID", new UUID(random.nextLong(), random.nextLong()).toString());
        e.put("readOnly", name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get"));
        e.put("eventType", "AwsApiCall");
        e.put("managementEvent", true);
        e.put("recipientAccountId", ACCOUNT);
        return e;
    }

    private Path writeFile(Path dir, Instant day, List<ObjectNode> records) throws IOException {
        Path folder = dir.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail/" + REGION + "/" + DAY.format(day));
        Files.createDirectories(folder);
        Path file = folder.resolve(ACCOUNT + "_CloudTrail_" + REGION + "_" + STAMP.format(day) + "_demo.json.gz");
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("Records");
        records.forEach(array::add);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            json.writeValue(out, root);
        }
        return file;
    }

    private static List<String[]> calls(String... serviceAndName) {
        List<String[]> out = new ArrayList<>();
        for (String s : serviceAndName) {
            out.add(s.split(":"));
        }
        return out;
    }

    private String key() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(random.nextInt(32)));
        }
        return b.toString();
    }
}
