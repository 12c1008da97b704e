package io.vigil.streams.detect.audit.burst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Severity;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.finding.Detection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Bursts in one principal's activity, judged over a sliding event-time window: {@code audit.recon_burst}
 * (many distinct discovery calls), {@code audit.error_burst} (AccessDenied storms),
 * {@code audit.bulk_secret_read} (many secrets read) and {@code audit.destructive_burst} (bulk deletion).
 *
 * <p>Why: stolen credentials are first used to look around and test what they may do, then to harvest
 * secrets or to destroy; single calls are ordinary, the rate and breadth are not. References: ATT&CK
 * T1580/T1087.004 (discovery), T1555.006 (cloud secrets), T1485 (data destruction); GuardDuty
 * Discovery:IAMUser/AnomalousBehavior, Impact:S3/AnomalousBehavior.Delete. Playbook:
 * compromised-credentials (loss-of-systems for destruction).
 *
 * <p>Pure: {@link #update} and {@link #score} use event time only, so a replay gives the same findings.
 */
public final class BurstDetector {
    /** A burst: the finding's content and the records that prove it. */
    record Burst(Detection detection, List<SourceRef> sources) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CITED = 25;
    private static final Set<String> NOT_RECON = Set.of("GetObject", "GetSecretValue", "GetParameter", "GetParameters", "GetParametersByPath",
            "GetCallerIdentity", "GetSessionToken", "GetAuthorizationToken", "GetLogEvents", "GetMetricData", "GetQueueUrl", "GetBucketLocation");
    /** Marks calls made through the AWS console, which the recon and error rules leave out. */
    private static final String CONSOLE_PREFIX = "console:";
    private static final Set<String> DESTRUCTIVE = Set.of("DeleteObject", "DeleteObjects", "DeleteSnapshot", "TerminateInstances", "DeleteVolume",
            "DeleteDBInstance", "DeleteDBCluster", "DeleteDBSnapshot", "DeleteBackup", "DeleteRecoveryPoint", "DeleteTable", "DeleteBucket",
            "DeleteFileSystem", "DeleteSecret", "ScheduleKeyDeletion");

    private BurstDetector() {}

    /** What the window remembers of an event. */
    static Activity activity(AuditEvent e, String topic, int partition, long offset) {
        String service = e.getEventSource() == null ? "" : e.getEventSource().replace(".amazonaws.com", "");
        boolean error = e.getErrorCode() != null && !e.getErrorCode().isBlank();
        // A console page load fans out into many Describe/List calls (and some denials): that is a person browsing, not a scan.
        String name = viaConsole(e) ? CONSOLE_PREFIX + e.getEventName() : e.getEventName();
        return new Activity(e.getEventTime().toEpochMilli(), service, name, error, secretRead(e), topic, partition, offset, e.getEventId());
    }

    static ActivityWindow update(ActivityWindow window, Activity a, BurstThresholds t) {
        return (window == null ? new ActivityWindow() : window).update(a, t.window().toMillis());
    }

    /** The bursts the window shows now that {@code current} has arrived, judging the shipped chains; marks them fired. */
    static List<Burst> score(ActivityWindow w, Activity current, AuditEvent event, BurstThresholds t) {
        return score(w, current, event, t, AttackSequences.shipped());
    }

    /** The bursts the window shows now that {@code current} has arrived, judging {@code chains}; marks them fired. */
    static List<Burst> score(ActivityWindow w, Activity current, AuditEvent event, BurstThresholds t, List<AttackSequence> chains) {
        List<Burst> out = new ArrayList<>();
        for (BurstRule rule : BurstRule.values()) {
            if (rule == BurstRule.SEQUENCE) {
                continue;
            }
            Long last = w.lastFired.get(rule);
            if (last != null && current.timeMillis() <= last + t.window().toMillis()) {
                continue;
            }
            List<Activity> counted = w.entries.stream().filter(member(rule)).toList();
            int count = measure(rule, counted);
            boolean enough = count >= t.threshold(rule)
                    && (rule != BurstRule.RECON || counted.stream().map(Activity::service).distinct().count() >= t.reconDistinctServices());
            if (enough && member(rule).test(current)) {
                w.lastFired.put(rule, current.timeMillis());
                List<SourceRef> sources = counted.stream().limit(CITED)
                        .map(a -> new SourceRef(a.topic(), a.partition(), a.offset(), a.eventId())).toList();
                out.add(new Burst(detection(rule, counted, count, event, t), sources));
            }
        }
        sequence(w, current, event, t, chains).ifPresent(out::add);
        return out;
    }

    /**
     * The first chain that this call completes: all its steps in event-time order within the
     * window, this call among them (logs often arrive newest first, so the last to arrive may be the first step).
     */
    private static Optional<Burst> sequence(ActivityWindow w, Activity current, AuditEvent event, BurstThresholds t, List<AttackSequence> chains) {
        if (current.error()) {
            return Optional.empty();
        }
        for (AttackSequence chain : chains) {
            Long last = w.chainsFired.get(chain.name());
            if (last != null && current.timeMillis() <= last + t.window().toMillis()) {
                continue;
            }
            List<Activity> matched = match(chain, w);
            if (!matched.isEmpty() && matched.contains(current)) {
                w.chainsFired.put(chain.name(), current.timeMillis());
                return Optional.of(new Burst(sequenceDetection(chain, matched, event, t),
                        matched.stream().map(a -> new SourceRef(a.topic(), a.partition(), a.offset(), a.eventId())).toList()));
            }
        }
        return Optional.empty();
    }

    /**
     * The calls that complete the chain in event-time order (for each step, the earliest matching call at
     * or after the previous step's time), or nothing. CloudTrail times have one-second resolution, so
     * calls within the same second may stand in either order.
     */
    private static List<Activity> match(AttackSequence chain, ActivityWindow w) {
        List<Activity> byTime = new ArrayList<>(w.entries);
        byTime.sort(java.util.Comparator.comparingLong(Activity::timeMillis));
        List<Activity> found = new ArrayList<>();
        long after = Long.MIN_VALUE;
        for (var step : chain.steps()) {
            Activity next = null;
            for (Activity a : byTime) {
                if (a.timeMillis() >= after && !a.error() && !found.contains(a) && step.contains(a.service() + ":" + a.name().replace(CONSOLE_PREFIX, ""))) {
                    next = a;
                    break;
                }
            }
            if (next == null) {
                return List.of();
            }
            found.add(next);
            after = next.timeMillis();
        }
        return found;
    }

    private static Detection sequenceDetection(AttackSequence chain, List<Activity> matched, AuditEvent e, BurstThresholds t) {
        String who = e.getPrincipalArn() != null ? e.getPrincipalArn() : "an unidentified principal";
        String calls = String.join(" → ", matched.stream().map(a -> a.service() + ":" + a.name().replace(CONSOLE_PREFIX, "")).toList());
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("chain", chain.name());
        observed.put("calls", calls);
        observed.put("window_start", Instant.ofEpochMilli(matched.get(0).timeMillis()).toString());
        observed.put("window_end", Instant.ofEpochMilli(matched.get(matched.size() - 1).timeMillis()).toString());
        if (e.getSourceIp() != null) {
            observed.put("source_ip", e.getSourceIp());
        }
        Map<String, String> baseline = new LinkedHashMap<>();
        baseline.put("rule", "attack chain " + chain.name() + ": " + chain.steps().size() + " ordered steps within " + t.window().toMinutes() + " min");
        return new Detection(BurstRule.SEQUENCE.detector, FindingKind.anomaly, chain.severity(), who, "principal",
                e.getRecipientAccount() != null ? e.getRecipientAccount() : e.getPrincipalAccount(), chain.attack(),
                who + " " + chain.meaning() + " (" + calls + ").", observed, baseline,
                "Each call alone can be routine; in this order, within minutes, they are a known attack chain.",
                chain.name() + ":" + matched.get(0).eventId(), List.of("sequence", "playbook:compromised-credentials"));
    }

    private static boolean viaConsole(AuditEvent e) {
        String ua = e.getUserAgent() == null ? "" : e.getUserAgent();
        return ua.contains("console.amazonaws.com") || ua.startsWith("console.") || ua.contains("signin.amazonaws.com") || "AWS Internal".equals(ua);
    }

    private static Predicate<Activity> member(BurstRule rule) {
        return switch (rule) {
            case RECON -> a -> !a.error() && isRecon(a.name());
            case ERRORS -> a -> a.error() && !a.name().startsWith(CONSOLE_PREFIX);
            case SECRETS -> a -> !a.error() && a.subject() != null;
            case DESTRUCTION -> a -> !a.error() && DESTRUCTIVE.contains(a.name().replace(CONSOLE_PREFIX, ""));
            case SEQUENCE -> a -> false;
        };
    }

    private static int measure(BurstRule rule, List<Activity> counted) {
        return switch (rule) {
            case RECON -> (int) counted.stream().map(a -> a.service() + ":" + a.name()).distinct().count();
            case SECRETS -> (int) counted.stream().map(Activity::subject).distinct().count();
            case ERRORS, DESTRUCTION, SEQUENCE -> counted.size();
        };
    }

    /**
     * APIs that hand out credentials: instance passwords, secrets, decrypted parameters, keys, tokens, and
     * instance attributes (their user data often holds secrets, T1552.005; the window does not keep which attribute).
     */
    private static final Set<String> CREDENTIAL_CALLS = Set.of("ec2:GetPasswordData", "ec2:DescribeInstanceAttribute", "secretsmanager:GetSecretValue",
            "secretsmanager:BatchGetSecretValue", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "kms:Decrypt",
            "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "sts:GetSessionToken", "sts:GetFederationToken",
            "ec2-instance-connect:SendSSHPublicKey", "lambda:GetFunction");
    private static final List<String> CREDENTIAL_TECHNIQUES = List.of("T1552", "T1555.006");

    private static long credentialShare(List<Activity> counted) {
        return counted.stream().filter(a -> CREDENTIAL_CALLS.contains(a.service() + ":" + a.name())).count();
    }

    private static boolean isRecon(String name) {
        return (name.startsWith("List") || name.startsWith("Describe") || name.startsWith("Get") || name.startsWith("Search"))
                && !NOT_RECON.contains(name);
    }

    private static String secretRead(AuditEvent e) {
        String name = e.getEventName();
        JsonNode p = parse(e.getRequestParameters());
        if ("secretsmanager.amazonaws.com".equals(e.getEventSource()) && "GetSecretValue".equals(name)) {
            return "secret:" + p.path("secretId").asText("?");
        }
        if ("ssm.amazonaws.com".equals(e.getEventSource()) && p.path("withDecryption").asBoolean(false)) {
            if ("GetParameter".equals(name)) {
                return "parameter:" + p.path("name").asText("?");
            }
            if ("GetParameters".equals(name)) {
                return "parameters:" + p.path("names").toString();
            }
        }
        return null;
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JSON.missingNode() : JSON.readTree(json);
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    private static Detection detection(BurstRule rule, List<Activity> counted, int count, AuditEvent e, BurstThresholds t) {
        String who = e.getPrincipalArn() != null ? e.getPrincipalArn() : "an unidentified principal";
        long minutes = t.window().toMinutes();
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("count", String.valueOf(count));
        observed.put("counted", rule.counted);
        observed.put("window_start", Instant.ofEpochMilli(counted.get(0).timeMillis()).toString());
        observed.put("window_end", e.getEventTime().toString());
        observed.put("calls", String.join(",", counted.stream().map(a -> a.service() + ":" + a.name()).distinct().limit(CITED).toList()));
        if (rule == BurstRule.SECRETS) {
            observed.put("secrets", String.join(",", counted.stream().map(Activity::subject).distinct().limit(CITED).toList()));
        }
        if (e.getSourceIp() != null) {
            observed.put("source_ip", e.getSourceIp());
        }
        if (e.getUserAgent() != null) {
            observed.put("user_agent", e.getUserAgent());
        }
        Map<String, String> baseline = new LinkedHashMap<>();
        baseline.put("threshold", t.threshold(rule) + " " + rule.counted + " within " + minutes + " min");
        if (rule == BurstRule.RECON) {
            baseline.put("services_at_least", String.valueOf(t.reconDistinctServices()));
        }
        boolean credentials = rule == BurstRule.ERRORS && credentialShare(counted) * 2 >= counted.size();
        String summary = who + " made " + count + " " + rule.counted + " within " + minutes + " minutes"
                + (e.getSourceIp() != null ? " from " + e.getSourceIp() : "") + "; this " + rule.meaning
                + (credentials ? ", mostly against stored credentials (passwords, secrets, keys)" : "") + ".";
        Severity severity = rule.severity(count, t);
        List<String> attack = rule.attack;
        if (credentials) {
            // Repeated denied attempts on credential stores are an attempt at credential access, not mere probing.
            severity = severity.compareTo(Severity.MEDIUM) < 0 ? Severity.MEDIUM : severity;
            attack = java.util.stream.Stream.concat(rule.attack.stream(), CREDENTIAL_TECHNIQUES.stream()).distinct().toList();
            observed.put("credential_access_calls", String.valueOf(credentialShare(counted)));
        }
        return new Detection(rule.detector, FindingKind.anomaly, severity, who, "principal",
                e.getRecipientAccount() != null ? e.getRecipientAccount() : e.getPrincipalAccount(), attack, summary, observed, baseline,
                "The principal " + rule.meaning + ": " + count + " " + rule.counted + " in " + minutes + " min, threshold " + t.threshold(rule) + ".",
                counted.get(0).eventId(), List.of("burst", "playbook:" + rule.playbook));
    }
}
