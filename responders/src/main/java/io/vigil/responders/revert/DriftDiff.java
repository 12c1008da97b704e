package io.vigil.responders.revert;

import io.vigil.schemas.Finding;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a configuration drift finding says about its resource, as a revert needs it: the resource, and each
 * changed setting (a flattened AWS Config path such as {@code ipPermissions[1].fromPort}) with the value
 * observed and the value the baseline holds ({@code (absent)}: not in the baseline; {@code (removed)}: no
 * longer there). Read from the finding's evidence ({@code drift.config}, {@code drift.new_resource},
 * {@code drift.deleted_resource} or {@code config.risky_setting}), or from the details of a revert request, which carry the same evidence.
 *
 * @param risks the secure-baseline rules the resource now breaks ({@code risk.<rule>} or {@code rule})
 */
public record DriftDiff(String detector, String resourceType, String resourceId, Map<String, String> observed,
                        Map<String, String> baseline, Set<String> risks, OptionalInt changedSettings, boolean deleted) {
    public static final String ABSENT = "(absent)";
    public static final String REMOVED = "(removed)";
    /** Evidence keys the detector adds beside the settings. */
    private static final Set<String> META = Set.of("changed_settings", "resource_type", "arn", "capture_time", "status", "rule", "setting",
            "baseline_captured", "baseline_state_id", "baseline_source", "secure_baseline", "change_type", "resource_creation_time", "baseline");
    private static final String OBSERVED = "drift.observed.";
    private static final String BASELINE = "drift.baseline.";

    /** The drift a finding describes, if it is a configuration drift of a cloud resource (its evidence names the resource type). */
    public static Optional<DriftDiff> of(Finding f) {
        Map<String, String> observed = f.getEvidence().getObserved();
        if (observed == null || !observed.containsKey("resource_type")) {
            return Optional.empty();
        }
        return Optional.of(from(f.getDetector(), f.getEntity(), observed, f.getEvidence().getBaseline() == null ? Map.of() : f.getEvidence().getBaseline()));
    }

    /** The drift a revert request recorded with {@link #toDetails()}. */
    public static Optional<DriftDiff> fromDetails(String resourceId, Map<String, String> details) {
        Map<String, String> observed = new LinkedHashMap<>();
        Map<String, String> baseline = new LinkedHashMap<>();
        details.forEach((k, v) -> {
            if (k.startsWith(OBSERVED)) {
                observed.put(k.substring(OBSERVED.length()), v);
            } else if (k.startsWith(BASELINE)) {
                baseline.put(k.substring(BASELINE.length()), v);
            }
        });
        return observed.containsKey("resource_type") ? Optional.of(from(details.getOrDefault("drift.detector", ""), resourceId, observed, baseline))
                : Optional.empty();
    }

    private static DriftDiff from(String detector, String resourceId, Map<String, String> observed, Map<String, String> baseline) {
        Set<String> risks = new LinkedHashSet<>();
        observed.keySet().stream().filter(k -> k.startsWith("risk.")).forEach(k -> risks.add(k.substring("risk.".length())));
        Optional.ofNullable(observed.get("rule")).ifPresent(risks::add);
        OptionalInt changed;
        try {
            changed = observed.containsKey("changed_settings") ? OptionalInt.of(Integer.parseInt(observed.get("changed_settings"))) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            changed = OptionalInt.empty();
        }
        boolean deleted = String.valueOf(observed.get("status")).startsWith("ResourceDeleted");
        return new DriftDiff(detector, observed.get("resource_type"), resourceId, Map.copyOf(observed), Map.copyOf(baseline), Set.copyOf(risks), changed, deleted);
    }

    /** The changed settings (paths), without the detector's own keys. */
    public Set<String> settings() {
        Set<String> out = new java.util.TreeSet<>();
        observed.keySet().stream().filter(k -> !META.contains(k) && !k.startsWith("risk.")).forEach(out::add);
        return out;
    }

    /** Whether the finding is about a resource created outside any baseline ({@code drift.new_resource}), not a changed one. */
    public boolean created() {
        return detector.endsWith("new_resource");
    }

    /** Whether the finding lists every changed setting (the detector shows at most 20). */
    public boolean complete() {
        return changedSettings.isEmpty() || changedSettings.getAsInt() <= settings().size();
    }

    /** The evidence, for a revert request's details: what the approved request is carried out from. */
    public Map<String, String> toDetails() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("drift.detector", detector);
        observed.forEach((k, v) -> out.put(OBSERVED + k, v));
        baseline.forEach((k, v) -> out.put(BASELINE + k, v));
        return out;
    }
}
