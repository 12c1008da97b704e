package io.vigil.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * CloudTrail as it is delivered to S3 (gzip {@code {"Records":[...]}} files under
 * {@code AWSLogs/<account>/CloudTrail/<region>/yyyy/mm/dd/}, one per hour here): ordinary work by a CI
 * role, an engineer (office hours) and a backup service, then the attacks: the backup service's stolen
 * key used from a VPS for reconnaissance and a backdoor admin, CloudTrail stopped and flow logs deleted,
 * and SSH opened to the internet on the web security group.
 */
final class CloudTrailLogs {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final String ATTACKER_AGENT = "python-requests/2.31.0";

    private record Actor(String type, String arn, String userName, String accessKey, String ip, String userAgent, List<String[]> calls,
                         boolean officeHours) {}

    private final ObjectMapper json = new ObjectMapper();
    private final SimulationSpec spec;
    private final Estate estate;
    private final Random random;
    private final Actor ci;
    private final Actor engineer;
    private final Actor backup;

    CloudTrailLogs(SimulationSpec spec, Estate estate, Random random) {
        this.spec = spec;
        this.estate = estate;
        this.random = random;
        String account = Estate.ACCOUNT;
        ci = new Actor("AssumedRole", "arn:aws:sts::" + account + ":assumed-role/ci-deployer/build-4711", null, "ASIA" + key(), "10.20.0.15",
                "aws-sdk-java/2.25.0 Linux/6.1", calls("ec2:DescribeInstances", "ec2:RunInstances", "ecr:GetAuthorizationToken",
                "ecs:UpdateService", "s3:PutObject", "cloudformation:DescribeStacks"), false);
        engineer = new Actor("IAMUser", "arn:aws:iam::" + account + ":user/alice", "alice", "AKIA" + key(), "198.51.100.23",
                "aws-cli/2.15.0 Python/3.11 Darwin/23", calls("s3:ListBuckets", "ec2:DescribeSecurityGroups", "logs:FilterLogEvents",
                "cloudwatch:GetMetricData", "iam:GetUser"), true);
        backup = new Actor("IAMUser", "arn:aws:iam::" + account + ":user/backup-svc", "backup-svc", "AKIA" + key(), "10.20.4.9",
                "aws-sdk-go/1.50 linux", calls("s3:PutObject", "s3:GetBucketLocation", "ec2:CreateSnapshot", "ec2:DescribeSnapshots"), false);
    }

    List<WrittenFile> write(Path out, List<Injected> injected) throws IOException {
        List<ObjectNode> attacks = attacks(injected);
        List<WrittenFile> files = new ArrayList<>();
        for (int hour = 0; hour < spec.hours(); hour++) {
            Instant from = spec.start().plus(Duration.ofHours(hour));
            Instant to = from.plus(Duration.ofHours(1));
            List<ObjectNode> records = new ArrayList<>();
            for (Actor a : List.of(ci, engineer, backup)) {
                int hourOfDay = from.atZone(ZoneOffset.UTC).getHour();
                // people work office hours; machines call round the clock
                int n = a.officeHours() ? (hourOfDay >= 8 && hourOfDay < 18 ? 2 + random.nextInt(5) : 0) : 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    String[] call = a.calls().get(random.nextInt(a.calls().size()));
                    records.add(event(a, from.plusSeconds(random.nextInt(3600)), call[0], call[1], null, a.ip(), a.userAgent()));
                }
            }
            for (ObjectNode e : attacks) {
                Instant t = Instant.parse(e.get("eventTime").asText());
                if (!t.isBefore(from) && t.isBefore(to)) {
                    records.add(e);
                }
            }
            records.sort(Comparator.comparing(e -> e.get("eventTime").asText()));
            files.add(writeFile(out, from, records));
        }
        return files;
    }

    private List<ObjectNode> attacks(List<Injected> injected) {
        List<ObjectNode> out = new ArrayList<>();
        if (spec.has(Attack.CREDENTIAL_THEFT)) {
            Instant t0 = spec.at(Attack.CREDENTIAL_THEFT);
            String[][] steps = {{"sts", "GetCallerIdentity", null}, {"iam", "ListUsers", null}, {"iam", "ListRoles", null},
                    {"iam", "ListAttachedUserPolicies", null}, {"iam", "GetAccountAuthorizationDetails", null}, {"ec2", "DescribeInstances", null},
                    {"ec2", "DescribeSecurityGroups", null}, {"s3", "ListBuckets", null}, {"s3", "GetBucketPolicy", null},
                    {"secretsmanager", "ListSecrets", "AccessDenied"}, {"iam", "CreateUser", null}, {"iam", "AttachUserPolicy", null},
                    {"iam", "CreateAccessKey", null}};
            for (int i = 0; i < steps.length; i++) {
                ObjectNode e = event(backup, t0.plusSeconds(i * 17L), steps[i][0], steps[i][1], steps[i][2], Estate.ATTACKER, ATTACKER_AGENT);
                if ("AttachUserPolicy".equals(steps[i][1])) {
                    e.putObject("requestParameters").put("userName", "svc-maint").put("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
                } else if ("CreateUser".equals(steps[i][1]) || "CreateAccessKey".equals(steps[i][1])) {
                    e.putObject("requestParameters").put("userName", "svc-maint");
                }
                out.add(e);
            }
            injected.add(new Injected(Attack.CREDENTIAL_THEFT, t0, "key " + backup.accessKey() + " used from " + Estate.ATTACKER
                    + " (" + ATTACKER_AGENT + "): 10 discovery calls, then CreateUser svc-maint, AttachUserPolicy AdministratorAccess, CreateAccessKey",
                    backup.arn()));
        }
        if (spec.has(Attack.LOGGING_DISABLED)) {
            Instant t0 = spec.at(Attack.LOGGING_DISABLED);
            out.add(event(backup, t0, "cloudtrail", "PutEventSelectors", null, Estate.ATTACKER, ATTACKER_AGENT));
            ObjectNode stop = event(backup, t0.plusSeconds(17), "cloudtrail", "StopLogging", null, Estate.ATTACKER, ATTACKER_AGENT);
            stop.putObject("requestParameters").put("name", "arn:aws:cloudtrail:" + Estate.REGION + ":" + Estate.ACCOUNT + ":trail/org-trail");
            out.add(stop);
            out.add(event(backup, t0.plusSeconds(34), "ec2", "DeleteFlowLogs", "AccessDenied", Estate.ATTACKER, ATTACKER_AGENT));
            injected.add(new Injected(Attack.LOGGING_DISABLED, t0, "from " + Estate.ATTACKER + ": PutEventSelectors, StopLogging org-trail,"
                    + " DeleteFlowLogs (denied)", backup.arn()));
        }
        if (spec.has(Attack.SG_OPENED)) {
            Instant t0 = spec.at(Attack.SG_OPENED);
            ObjectNode e = event(engineer, t0, "ec2", "AuthorizeSecurityGroupIngress", null, engineer.ip(), engineer.userAgent());
            ObjectNode params = e.putObject("requestParameters");
            params.put("groupId", estate.webGroup());
            ObjectNode rule = params.putObject("ipPermissions").putArray("items").addObject();
            rule.put("ipProtocol", "tcp").put("fromPort", 22).put("toPort", 22);
            rule.putObject("ipRanges").putArray("items").addObject().put("cidrIp", "0.0.0.0/0");
            out.add(e);
            injected.add(new Injected(Attack.SG_OPENED, t0, "alice opens tcp/22 to 0.0.0.0/0 on the web security group (CloudTrail, and AWS"
                    + " Config a few minutes later)", engineer.arn(), estate.webGroup()));
        }
        return out;
    }

    private ObjectNode event(Actor a, Instant t, String service, String name, String error, String ip, String ua) {
        ObjectNode e = json.createObjectNode();
        e.put("eventVersion", "1.09");
        ObjectNode id = e.putObject("userIdentity");
        id.put("type", a.type());
        id.put("principalId", "AIDA" + Integer.toHexString(a.arn().hashCode()).toUpperCase(java.util.Locale.ROOT));
        id.put("arn", a.arn());
        id.put("accountId", Estate.ACCOUNT);
        id.put("accessKeyId", a.accessKey());
        if (a.userName() != null) {
            id.put("userName", a.userName());
        } else {
            ObjectNode issuer = id.putObject("sessionContext").putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("arn", "arn:aws:iam::" + Estate.ACCOUNT + ":role/ci-deployer");
            issuer.put("userName", "ci-deployer");
        }
        e.put("eventTime", t.toString().replaceAll("\\.\\d+Z$", "Z"));
        e.put("eventSource", service + ".amazonaws.com");
        e.put("eventName", name);
        e.put("awsRegion", Estate.REGION);
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
        e.put("recipientAccountId", Estate.ACCOUNT);
        return e;
    }

    private WrittenFile writeFile(Path out, Instant hour, List<ObjectNode> records) throws IOException {
        Path file = out.resolve("AWSLogs/" + Estate.ACCOUNT + "/CloudTrail/" + Estate.REGION + "/" + DAY.format(hour) + "/" + Estate.ACCOUNT
                + "_CloudTrail_" + Estate.REGION + "_" + STAMP.format(hour.plus(Duration.ofHours(1))) + "_" + key() + ".json.gz");
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("Records");
        records.forEach(array::add);
        try (Writer w = GzipText.open(file)) {
            json.writeValue(w, root);
        }
        return new WrittenFile(file, "cloudtrail", records.size());
    }

    private static List<String[]> calls(String... serviceAndName) {
        List<String[]> out = new ArrayList<>();
        for (String s : serviceAndName) {
            out.add(s.split(":"));
        }
        return out;
    }

    /** 16 characters of an access key id or file id. */
    private String key() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(random.nextInt(32)));
        }
        return b.toString();
    }
}
