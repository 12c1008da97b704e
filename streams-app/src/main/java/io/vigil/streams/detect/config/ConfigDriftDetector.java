package io.vigil.streams.detect.config;

import io.vigil.schemas.BaselineApproval;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.streams.finding.Detection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Configuration drift against the baseline: {@code drift.config} when a resource's configuration
 * departs from its baselined one (what changed, old and new values, and whether the change made it
 * risky), {@code drift.new_resource} when a resource is created (Config's creation item: discovered with
 * a CREATE diff, or a creation time within {@link #CREATED_WITHIN_MS} of its capture), {@code drift.deleted_resource}
 * when a baselined resource is deleted, and {@code config.risky_setting} when a resource that was not just created
 * is first seen already violating the secure baseline ({@link RiskySettings}).
 *
 * <p>Why: most cloud breaches exploit misconfiguration, and drift from a reviewed configuration is
 * how it appears (ATT&CK T1562.007, T1578; GuardDuty has no equivalent — AWS Config rules and
 * Security Hub do); resources created outside the usual pipeline (T1578.002) and security or logging
 * resources deleted (T1485, T1562.008) are drift of the estate itself. Playbook: configuration-drift
 * (open a case; restore reverts to the baseline).
 *
 * <p>Pure: event time only (capture time), the same items give the same findings.
 */
public final class ConfigDriftDetector {
    public static final String DRIFT = "drift.config";
    public static final String NEW_RESOURCE = "drift.new_resource";
    public static final String DELETED_RESOURCE = "drift.deleted_resource";
    public static final String RISKY = "config.risky_setting";
    /** A resource first recorded this soon after its creation time was created now, not found by a recorder just switched on. */
    static final long CREATED_WITHIN_MS = 3_600_000L;
    private static final int SHOWN = 20;
    /** Fields AWS changes on its own, which are not drift. */
    private static final Pattern NOISE = Pattern.compile(".*(\\.|^)(lastModified\\w*|LastModified\\w*|lastUpdated\\w*|modifiedTime|"
            + "configurationItemCaptureTime|latestRestorableTime|stateTransitionReason|state\\.code|launchTime|attachTime|"
            + "lastStatusChangeDate|usageOperationUpdateTime|bootMode|networkInterfaces\\[\\d+\\]\\.attachment\\.attachTime)$");
    private static final Set<String> AUDIT_TYPES = Set.of("AWS::CloudTrail::Trail", "AWS::EC2::FlowLog", "AWS::Config::ConfigurationRecorder",
            "AWS::GuardDuty::Detector", "AWS::SecurityHub::Hub", "AWS::Logs::LogGroup", "AWS::EC2::SecurityGroup", "AWS::KMS::Key");

    private ConfigDriftDetector() {}

    /** The baseline after this item: learned on first sight, unchanged after (drift is judged against it). */
    public static ConfigBaseline update(ConfigBaseline b, ConfigChange c, List<Detection> reported) {
        ConfigBaseline next = b;
        if (next == null && judgeable(c) && !deleted(c)) {
            next = new ConfigBaseline(ConfigFlattener.flatten(c.getConfiguration()), c.getCaptureTime().toEpochMilli(), c.getStateId(), new LinkedHashSet<>());
        }
        if (next == null) {
            return null;
        }
        for (Detection d : reported) {
            next = next.withReported(d.evidenceKey());
        }
        return next;
    }

    /**
     * The baseline a person approved ({@code baseline.approved}): it replaces the learned or previously approved one,
     * and drift already reported against the old one may be reported again against this one.
     */
    public static ConfigBaseline approve(BaselineApproval a) {
        String why = a.getSource() + (a.getReason() == null ? "" : "; " + a.getReason());
        long captured = a.getCaptureTime() != null ? a.getCaptureTime().toEpochMilli() : a.getApprovedAt().toEpochMilli();
        return new ConfigBaseline(ConfigFlattener.flatten(a.getConfiguration()), captured, a.getStateId(), new LinkedHashSet<>(),
                a.getApprovedBy(), a.getApprovedAt().toEpochMilli(), why);
    }

    public static List<Detection> score(ConfigBaseline b, ConfigChange c) {
        if (!judgeable(c)) {
            return List.of();
        }
        if (b == null) {
            return deleted(c) ? List.of() : firstSight(c);
        }
        if (deleted(c)) {
            String key = "deleted:" + c.getCaptureTime().toEpochMilli();
            if (b.reported().contains(key)) {
                return List.of();
            }
            Severity s = AUDIT_TYPES.contains(c.getResourceType()) ? Severity.MEDIUM : Severity.LOW;
            return List.of(detection(c, DELETED_RESOURCE, s, key, c.getResourceType() + " " + c.getResourceId() + " was deleted",
                    Map.of("status", String.valueOf(c.getStatus())), Map.of("baseline_captured", String.valueOf(java.time.Instant.ofEpochMilli(b.capturedAt())),
                            "baseline_source", source(b)),
                    "a baselined resource disappeared; for logging and security resources this blinds monitoring", List.of("T1485")));
        }
        TreeMap<String, String> now = ConfigFlattener.flatten(c.getConfiguration());
        TreeSet<String> changed = new TreeSet<>();
        for (String path : union(b.settings().keySet(), now.keySet())) {
            if (!NOISE.matcher(path).matches() && !java.util.Objects.equals(b.settings().get(path), now.get(path))) {
                changed.add(path);
            }
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        String digest = "drift:" + digest(changed, now);
        if (b.reported().contains(digest)) {
            return List.of();
        }
        List<RiskySettings.Risk> risks = RiskySettings.of(c);
        Severity severity = risks.stream().map(RiskySettings.Risk::severity).max(Enum::compareTo).orElse(Severity.LOW);
        Map<String, String> observed = new LinkedHashMap<>();
        Map<String, String> baseline = new LinkedHashMap<>();
        changed.stream().limit(SHOWN).forEach(p -> {
            observed.put(p, now.getOrDefault(p, "(removed)"));
            baseline.put(p, b.settings().getOrDefault(p, "(absent)"));
        });
        observed.put("changed_settings", String.valueOf(changed.size()));
        risks.forEach(r -> observed.put("risk." + r.rule(), r.why()));
        baseline.put("baseline_captured", java.time.Instant.ofEpochMilli(b.capturedAt()).toString());
        if (b.stateId() != null) {
            baseline.put("baseline_state_id", b.stateId());
        }
        baseline.put("baseline_source", source(b));
        List<String> attack = risks.stream().flatMap(r -> r.attack().stream()).distinct().toList();
        String summary = c.getResourceType() + " " + c.getResourceId() + " drifted from its baseline in " + changed.size() + " setting(s)"
                + (risks.isEmpty() ? "" : "; it is now risky: " + risks.get(0).why());
        return List.of(detection(c, DRIFT, severity, digest, summary, observed, baseline,
                risks.isEmpty() ? "the configuration no longer matches the reviewed baseline" : "the change left the resource in a risky state",
                attack.isEmpty() ? List.of("T1578") : attack));
    }

    /** Where the baseline came from, for the evidence: who approved it, or that it was learned. */
    static String source(ConfigBaseline b) {
        return b.approved() ? "approved by " + b.approvedBy() + " at " + java.time.Instant.ofEpochMilli(b.approvedAt()) + " (" + b.approval() + ")"
                : "learned: the first configuration seen";
    }

    private static List<Detection> firstSight(ConfigChange c) {
        if (created(c)) {
            return List.of(created(c, RiskySettings.of(c)));
        }
        List<Detection> out = new ArrayList<>();
        for (RiskySettings.Risk r : RiskySettings.of(c)) {
            out.add(detection(c, RISKY, r.severity(), "risk:" + r.rule(), c.getResourceType() + " " + c.getResourceId() + ": " + r.why(),
                    Map.of("rule", r.rule(), "setting", r.path()), Map.of("secure_baseline", "rule " + r.rule() + " must not hold"),
                    r.why(), r.attack()));
        }
        return out;
    }

    private static Detection detection(ConfigChange c, String detector, Severity s, String key, String summary, Map<String, String> observed,
                                       Map<String, String> baseline, String reason, List<String> attack) {
        Map<String, String> obs = new LinkedHashMap<>(observed);
        obs.put("resource_type", c.getResourceType());
        if (c.getArn() != null) {
            obs.put("arn", c.getArn());
        }
        obs.put("capture_time", c.getCaptureTime().toString());
        return new Detection(detector, FindingKind.drift, s, c.getResourceId(), "resource", c.getAccountId(), attack, summary, obs, baseline,
                reason, key, List.of("playbook:configuration-drift"));
    }

    /** A new resource: LOW, or as severe as the risks it was created with (a security group born open to the world). */
    private static Detection created(ConfigChange c, List<RiskySettings.Risk> risks) {
        Severity severity = risks.stream().map(RiskySettings.Risk::severity).max(Enum::compareTo).orElse(Severity.LOW);
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("status", String.valueOf(c.getStatus()));
        if (c.getChangeType() != null) {
            observed.put("change_type", c.getChangeType());
        }
        creationTime(c).ifPresent(t -> observed.put("resource_creation_time", java.time.Instant.ofEpochMilli(t).toString()));
        risks.forEach(r -> observed.put("risk." + r.rule(), r.why()));
        List<String> attack = java.util.stream.Stream.concat(java.util.stream.Stream.of("T1578.002"), risks.stream().flatMap(r -> r.attack().stream()))
                .distinct().toList();
        return detection(c, NEW_RESOURCE, severity, "new:" + c.getCaptureTime().toEpochMilli(),
                c.getResourceType() + " " + c.getResourceId() + " was created" + (risks.isEmpty() ? "" : "; it is risky from the start: " + risks.get(0).why()),
                observed, Map.of("baseline", "the estate's resources before it: this one is in no baseline yet"),
                "a resource outside the baseline; created outside the usual pipeline it is how persistence and shadow infrastructure appear", attack);
    }

    /** Config's creation item: a resource discovered with a CREATE diff, or whose creation time is just before its capture. */
    static boolean created(ConfigChange c) {
        if (!"ResourceDiscovered".equals(c.getStatus())) {
            return false;
        }
        long capture = c.getCaptureTime().toEpochMilli();
        return "CREATE".equals(c.getChangeType())
                || creationTime(c).map(t -> t <= capture && capture - t <= CREATED_WITHIN_MS).orElse(false);
    }

    /** {@code resourceCreationTime} of the original item (ISO-8601, or epoch seconds as the Config API writes it). */
    private static java.util.Optional<Long> creationTime(ConfigChange c) {
        var m = CREATION_TIME.matcher(c.getRaw() == null ? "" : c.getRaw());
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        String v = m.group(1) != null ? m.group(1) : m.group(2);
        try {
            if (v.matches("\\d+(\\.\\d+)?")) {
                double n = Double.parseDouble(v);
                return java.util.Optional.of((long) (n < 1e11 ? n * 1000 : n)); // the Config API's epoch seconds, or millis
            }
            return java.util.Optional.of(java.time.OffsetDateTime.parse(v.replace(" ", "T")).toInstant().toEpochMilli());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static final Pattern CREATION_TIME = Pattern.compile("\"resourceCreationTime\"\\s*:\\s*(?:\"([^\"]+)\"|([0-9.]+))");

    /** Items that describe a resource's configuration (not delivery notifications, not oversized summaries). */
    private static boolean judgeable(ConfigChange c) {
        return !c.getOversized() && !"AWS::S3::Object".equals(c.getResourceType())
                && (c.getConfiguration() != null || deleted(c));
    }

    private static boolean deleted(ConfigChange c) {
        return c.getStatus() != null && c.getStatus().startsWith("ResourceDeleted");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static String digest(Set<String> changed, Map<String, String> now) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : changed) {
                md.update((p + "=" + now.get(p) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
