package io.vigil.streams.detect.audit.principal;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.streams.finding.Detection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Departures from a principal's own baseline, once it has been learned: {@code audit.new_source} (a
 * network, tool or region the principal never used), {@code audit.first_seen_api} (an API it never
 * called) and {@code audit.rare_api} (an API it called only a few times, back after a day or more without it),
 * both weighted by how sensitive the API is.
 *
 * <p>Why: stolen credentials are used from the attacker's network and tools, and for things the owner
 * never does (ATT&CK T1078.004 valid cloud accounts; GuardDuty UnauthorizedAccess:IAMUser/
 * ConsoleLoginSuccess.B, Discovery/Persistence:IAMUser/AnomalousBehavior). Playbook: suspicious-activity
 * (LOW/MEDIUM), compromised-credentials when another detector raises the principal to HIGH.
 *
 * <p>Pure: {@link #score} reads the profile, {@link #update} learns the event; event time only.
 */
public final class PrincipalDetector {
    public static final String NEW_SOURCE = "audit.new_source";
    public static final String FIRST_SEEN_API = "audit.first_seen_api";
    public static final String RARE_API = "audit.rare_api";
    /** An API the principal called at most this often before, and for under 1 % of its calls, is rare for it. */
    static final long RARE_MAX_CALLS = 3;
    /** ... and only when it comes back after this long without it: a run of calls in one job is one use, not many. */
    static final long RARE_GAP_MS = 86_400_000L;
    private static final Set<String> SENSITIVE_SERVICES = Set.of("iam", "sts", "kms", "cloudtrail", "organizations", "secretsmanager",
            "ssm", "guardduty", "config", "securityhub", "ec2-instance-connect", "lambda", "sso", "identitystore");

    /** How much history makes a baseline: enough calls over enough time. */
    record Learning(long minEvents, Duration minSpan) {
        static Learning defaults() {
            return new Learning(50, Duration.ofHours(24));
        }
    }

    private PrincipalDetector() {}

    static List<Detection> score(PrincipalProfile p, AuditEvent e, Learning learning) {
        if (p == null || !p.learned(learning.minEvents(), learning.minSpan().toMillis()) || viaAwsService(e)) {
            return List.of();
        }
        List<Detection> out = new ArrayList<>();
        String network = network(e.getSourceIp());
        String agent = agentFamily(e.getUserAgent());
        boolean newNetwork = network != null && !p.networks.containsKey(network);
        boolean newAgent = agent != null && !p.agents.containsKey(agent);
        boolean newRegion = e.getAwsRegion() != null && !p.regions.containsKey(e.getAwsRegion());
        if (newNetwork || newRegion) {
            Severity s = newNetwork && newAgent ? Severity.MEDIUM : Severity.LOW;
            List<String> what = new ArrayList<>();
            if (newNetwork) {
                what.add("network " + network);
            }
            if (newAgent) {
                what.add("tool " + agent);
            }
            if (newRegion) {
                what.add("region " + e.getAwsRegion());
            }
            Map<String, String> observed = observed(e);
            observed.put("new", String.join(", ", what));
            Map<String, String> baseline = baseline(p);
            baseline.put("known_networks", sample(p.networks));
            baseline.put("known_tools", sample(p.agents));
            baseline.put("known_regions", sample(p.regions));
            out.add(new Detection(NEW_SOURCE, FindingKind.anomaly, s, e.getPrincipalArn(), "principal", account(e), List.of("T1078.004"),
                    e.getPrincipalArn() + " called " + e.getEventName() + " from a " + String.join(" and a ", what) + " it never used before.",
                    observed, baseline, "credentials used from a new place or with a new tool are how stolen keys show",
                    "source:" + (newNetwork ? network : "") + "|" + (newRegion ? e.getAwsRegion() : ""), List.of("playbook:suspicious-activity")));
        }
        String api = service(e) + ":" + e.getEventName();
        boolean write = !Boolean.TRUE.equals(e.getReadOnly()) && !isRead(e.getEventName());
        Long calls = p.apiCalls.get(api);
        Long lastCall = p.apis.get(api);
        if (calls != null && lastCall != null && write && calls <= RARE_MAX_CALLS && calls * 100 < p.events
                && e.getEventTime().toEpochMilli() - lastCall >= RARE_GAP_MS) {
            Severity s = SENSITIVE_SERVICES.contains(service(e)) ? Severity.MEDIUM : Severity.LOW;
            Map<String, String> observed = observed(e);
            observed.put("api", api);
            Map<String, String> baseline = baseline(p);
            baseline.put("api_calls_before", String.valueOf(calls));
            baseline.put("api_last_called", Instant.ofEpochMilli(lastCall).toString());
            baseline.put("rare_means", "at most " + RARE_MAX_CALLS + " calls and under 1% of the principal's, back after " + RARE_GAP_MS / 3_600_000 + " h or more");
            out.add(new Detection(RARE_API, FindingKind.anomaly, s, e.getPrincipalArn(), "principal", account(e), List.of("T1078.004"),
                    e.getPrincipalArn() + " called " + api + ", which it made only " + calls + " time(s) in " + p.events + " calls, last on "
                            + Instant.ofEpochMilli(lastCall) + (s == Severity.MEDIUM ? " (a security-sensitive service)" : "") + ".",
                    observed, baseline, "a call a principal almost never makes, coming back, is how a dormant capability is abused after takeover",
                    "rare:" + api + ":" + e.getEventId(), List.of("playbook:suspicious-activity")));
        }
        if (!p.apis.containsKey(api) && write) {
            Severity s = SENSITIVE_SERVICES.contains(service(e)) ? Severity.MEDIUM : Severity.LOW;
            Map<String, String> observed = observed(e);
            observed.put("api", api);
            Map<String, String> baseline = baseline(p);
            baseline.put("known_apis", String.valueOf(p.apis.size()));
            baseline.put("known_api_sample", sample(p.apis));
            out.add(new Detection(FIRST_SEEN_API, FindingKind.anomaly, s, e.getPrincipalArn(), "principal", account(e), List.of("T1078.004"),
                    e.getPrincipalArn() + " called " + api + " for the first time" + (s == Severity.MEDIUM ? ", a security-sensitive service" : "") + ".",
                    observed, baseline, "a principal changing what it does, especially in identity, keys or logging, is a sign of takeover",
                    "api:" + api, List.of("playbook:suspicious-activity")));
        }
        return out;
    }

    static PrincipalProfile update(PrincipalProfile p, AuditEvent e, Learning learning) {
        PrincipalProfile next = p == null ? new PrincipalProfile() : p;
        long t = e.getEventTime().toEpochMilli();
        next.firstSeen = Math.min(next.firstSeen, t);
        next.lastSeen = Math.max(next.lastSeen, t);
        next.events++;
        put(next.networks, network(e.getSourceIp()), t);
        put(next.agents, agentFamily(e.getUserAgent()), t);
        put(next.regions, e.getAwsRegion(), t);
        String api = service(e) + ":" + e.getEventName();
        next.apiCalls.merge(api, 1L, Long::sum);
        put(next.apis, api, t);
        if (next.learnedAt == null && next.learned(learning.minEvents(), learning.minSpan().toMillis())) {
            next.learnedAt = t;
        }
        return next;
    }

    private static void put(Map<String, Long> m, String k, long t) {
        if (k != null) {
            m.put(k, t);
        }
    }

    /** The network an address belongs to: its /24 (IPv4) or /48 (IPv6); service names (s3.amazonaws.com) are not networks. */
    static String network(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        if (ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return ip.substring(0, ip.lastIndexOf('.')) + ".0/24";
        }
        if (ip.contains(":") && ip.matches("[0-9a-fA-F:]+")) {
            String[] groups = ip.split(":", -1);
            return groups.length >= 3 ? groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48" : ip;
        }
        return null;
    }

    /** The tool behind a user agent, without versions: aws-cli, Boto3, aws-sdk-java, console, … */
    static String agentFamily(String ua) {
        if (ua == null || ua.isBlank()) {
            return null;
        }
        String u = ua.strip();
        if (u.contains("console.amazonaws.com") || u.startsWith("console.") || u.contains("signin.amazonaws.com")) {
            return "console";
        }
        int cut = u.length();
        for (char c : new char[] {'/', ' ', '(', ','}) {
            int i = u.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        String family = u.substring(0, Math.min(cut, 64));
        return family.replaceAll("[_-][0-9a-fA-F]{8}-[0-9a-fA-F-]{27,}$", "");
    }

    private static boolean viaAwsService(AuditEvent e) {
        String ip = e.getSourceIp();
        return e.getInvokedBy() != null || ip == null || ip.endsWith(".amazonaws.com") || "AWS Internal".equals(ip);
    }

    private static boolean isRead(String name) {
        return name.startsWith("Get") || name.startsWith("List") || name.startsWith("Describe") || name.startsWith("Head") || name.startsWith("Lookup");
    }

    private static String service(AuditEvent e) {
        return e.getEventSource() == null ? "" : e.getEventSource().replace(".amazonaws.com", "");
    }

    private static String account(AuditEvent e) {
        return e.getRecipientAccount() != null ? e.getRecipientAccount() : e.getPrincipalAccount();
    }

    private static Map<String, String> observed(AuditEvent e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("event_id", e.getEventId());
        m.put("event_name", e.getEventName());
        if (e.getSourceIp() != null) {
            m.put("source_ip", e.getSourceIp());
        }
        if (e.getUserAgent() != null) {
            m.put("user_agent", e.getUserAgent());
        }
        if (e.getAwsRegion() != null) {
            m.put("region", e.getAwsRegion());
        }
        return m;
    }

    private static Map<String, String> baseline(PrincipalProfile p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("first_seen", Instant.ofEpochMilli(p.firstSeen).toString());
        m.put("events", String.valueOf(p.events));
        return m;
    }

    private static String sample(Map<String, Long> m) {
        return String.join(",", m.keySet().stream().limit(10).toList()) + (m.size() > 10 ? ",… (" + m.size() + ")" : "");
    }
}
