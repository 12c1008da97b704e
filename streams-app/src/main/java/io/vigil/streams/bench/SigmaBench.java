package io.vigil.streams.bench;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Origin;
import io.vigil.streams.detect.sigma.SigmaRuleFiles;
import io.vigil.streams.detect.sigma.match.EventView;
import io.vigil.streams.detect.sigma.match.SigmaEngine;
import io.vigil.streams.detect.sigma.rule.ParseResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code vigil bench sigma}: pure matching throughput (no Kafka) of the Sigma engine over synthetic
 * CloudTrail events, with the first shipped rule alone and with every shipped rule (plus any folders
 * given), measured in the same run. The ratio shows whether the index keeps matching independent of the
 * number of rules; the goal is at least 0.7.
 */
public final class SigmaBench {
    private static final String[][] CALLS = {
            {"s3.amazonaws.com", "GetObject"}, {"s3.amazonaws.com", "PutObject"}, {"s3.amazonaws.com", "ListBuckets"},
            {"s3.amazonaws.com", "DeleteObjects"}, {"s3.amazonaws.com", "PutBucketVersioning"}, {"s3.amazonaws.com", "DeleteBucketEncryption"},
            {"ec2.amazonaws.com", "DescribeInstances"}, {"ec2.amazonaws.com", "RunInstances"}, {"ec2.amazonaws.com", "CreateTrafficMirrorSession"},
            {"iam.amazonaws.com", "GetUser"}, {"iam.amazonaws.com", "CreateAccessKey"}, {"iam.amazonaws.com", "DeleteRolePermissionsBoundary"},
            {"sts.amazonaws.com", "AssumeRole"}, {"sts.amazonaws.com", "GetCallerIdentity"}, {"kms.amazonaws.com", "Decrypt"},
            {"kms.amazonaws.com", "PutKeyPolicy"}, {"lambda.amazonaws.com", "Invoke"}, {"lambda.amazonaws.com", "CreateFunctionUrlConfig20211031"},
            {"signin.amazonaws.com", "ConsoleLogin"}, {"cloudtrail.amazonaws.com", "LookupEvents"}, {"guardduty.amazonaws.com", "ListDetectors"}};

    private SigmaBench() {}

    /** The result: events/s with one rule and with all, over {@code events} events per pass. */
    public record Result(long events, int allRules, double oneRulePerSecond, double allRulesPerSecond, long oneMatches, long allMatches) {
        public double ratio() {
            return allRulesPerSecond / oneRulePerSecond;
        }

        public List<String> lines() {
            return List.of(String.format("sigma 1 rule:        %,.0f events/s (%d matches)", oneRulePerSecond, oneMatches),
                    String.format("sigma %d rules:      %,.0f events/s (%d matches)", allRules, allRulesPerSecond, allMatches),
                    String.format("ratio all/1: %.2f (goal >= 0.70)", ratio()));
        }
    }

    public static Result run(long events, List<Path> extraRuleDirs) {
        ParseResult all = SigmaRuleFiles.shipped();
        for (Path dir : extraRuleDirs) {
            all = all.plus(SigmaRuleFiles.folder(dir));
        }
        SigmaEngine every = SigmaEngine.build(all);
        SigmaEngine one = SigmaEngine.build(new ParseResult(all.rules().subList(0, 1), List.of(), List.of()));
        List<AuditEvent> sample = events(4096);
        // Warm both up first (JIT), then alternate the measured passes so drift on a noisy machine hits both alike.
        pass(one, sample, events / 4);
        pass(every, sample, events / 4);
        long[] oneTime = new long[1];
        long[] allTime = new long[1];
        long oneMatches = 0;
        long allMatches = 0;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            oneMatches = pass(one, sample, events / 2);
            oneTime[0] += System.nanoTime() - t0;
            t0 = System.nanoTime();
            allMatches = pass(every, sample, events / 2);
            allTime[0] += System.nanoTime() - t0;
        }
        long measured = 2 * (events / 2);
        return new Result(measured, every.ruleCount(), measured * 1e9 / oneTime[0], measured * 1e9 / allTime[0], oneMatches, allMatches);
    }

    private static long pass(SigmaEngine engine, List<AuditEvent> sample, long n) {
        long matches = 0;
        for (long i = 0; i < n; i++) {
            matches += engine.match(EventView.of(sample.get((int) (i % sample.size())))).size();
        }
        return matches;
    }

    /** Synthetic CloudTrail events: a spread of common calls with the raw JSON a collector keeps. */
    static List<AuditEvent> events(int n) {
        Random random = new Random(42);
        List<AuditEvent> out = new ArrayList<>(n);
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String[] call = CALLS[random.nextInt(CALLS.length)];
            String ip = "198.51.100." + random.nextInt(250);
            String user = "user" + random.nextInt(40);
            String request = "{\"bucketName\":\"b" + random.nextInt(5) + "\",\"authType\":\"" + (random.nextBoolean() ? "NONE" : "AWS_IAM") + "\"}";
            String raw = "{\"eventVersion\":\"1.09\",\"eventID\":\"e" + i + "\",\"eventTime\":\"" + t.plusSeconds(i) + "\",\"eventSource\":\"" + call[0]
                    + "\",\"eventName\":\"" + call[1] + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"aws-cli/2.15\","
                    + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::123456789012:user/" + user + "\",\"userName\":\"" + user + "\"},"
                    + "\"requestParameters\":" + request + "}";
            out.add(AuditEvent.newBuilder().setEventId("e" + i).setEventTime(t.plusSeconds(i)).setEventSource(call[0]).setEventName(call[1])
                    .setAwsRegion("eu-west-1").setSourceIp(ip).setUserAgent("aws-cli/2.15").setPrincipalType("IAMUser")
                    .setPrincipalArn("arn:aws:iam::123456789012:user/" + user).setRequestParameters(request).setRaw(raw).setOrigin(new Origin("bench", "e" + i, "cloudtrail", t)).build());
        }
        return out;
    }
}
