package io.vigil.cli.hunt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CloudTrail files for hunt tests: principals' routine every five minutes, and alice's key used from elsewhere. */
final class AuditTrail {
    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    /** When alice's key is used from 203.0.113.9 in ap-southeast-1: two hours into the fifth day. */
    static final Instant ATTACK = T0.plus(Duration.ofDays(4)).plus(Duration.ofHours(2));
    private static final List<String> PRINCIPALS = List.of("alice", "bob", "ci");

    private AuditTrail() {}

    static String event(String id, String who, Instant t, String name, String ip, String region) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"" + t + "\",\"eventSource\":\"" + (name.endsWith("Logging") ? "cloudtrail" : "s3")
                + ".amazonaws.com\",\"eventName\":\"" + name + "\",\"awsRegion\":\"" + region + "\",\"sourceIPAddress\":\"" + ip
                + "\",\"userAgent\":\"aws-cli/2.15.0\",\"eventID\":\"" + id + "\",\"readOnly\":" + name.startsWith("List")
                + ",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::123456789012:user/" + who + "\",\"accountId\":\"123456789012\"}}";
    }

    /** Four days of each principal's routine (about 3,500 calls), enough for their profiles to be learned. */
    static List<String> routine() {
        List<String> events = new ArrayList<>();
        int n = 0;
        for (Instant t = T0; t.isBefore(T0.plus(Duration.ofDays(4))); t = t.plus(Duration.ofMinutes(5))) {
            for (String who : PRINCIPALS) {
                events.add(event("r-" + n, who, t.plusSeconds(n % 60), "ListBuckets", "198.51.100.7", "us-east-1"));
                n++;
            }
        }
        return events;
    }

    /** Alice's key from a new network and region: a listing, a bucket policy change, CloudTrail stopped. */
    static List<String> attack() {
        return List.of(event("a-1", "alice", ATTACK, "ListBuckets", "203.0.113.9", "ap-southeast-1"),
                event("a-2", "alice", ATTACK.plusSeconds(60), "PutBucketPolicy", "203.0.113.9", "ap-southeast-1"),
                event("a-3", "alice", ATTACK.plusSeconds(120), "StopLogging", "203.0.113.9", "ap-southeast-1"));
    }

    /** The events as a CloudTrail delivery file in a folder of its own. */
    static Path write(Path dir, String name, List<String> events) throws Exception {
        Path in = Files.createDirectories(dir.resolve(name));
        Files.writeString(in.resolve("trail.json"), "{\"Records\":[" + String.join(",\n", events) + "]}");
        return in;
    }
}
