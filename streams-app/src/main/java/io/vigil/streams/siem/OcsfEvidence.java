package io.vigil.streams.siem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.Finding;
import java.util.Map;

/**
 * A finding's evidence (what was observed, what the baseline held) in OCSF's terms: for an anomaly the
 * Anomaly Analysis object, for drift the changed settings of the resource.
 */
final class OcsfEvidence {
    private OcsfEvidence() {}

    /**
     * One Anomaly Analysis of the entity: it is the analysis target; each observed value is an anomaly
     * and each baseline value a baseline, both as an observation parameter with one observation. An
     * anomaly with no observed values (none today) still states its reason, since anomalies are required.
     */
    static void anomalyAnalyses(ArrayNode out, Finding f) {
        ObjectNode analysis = out.addObject();
        ObjectNode target = analysis.putArray("analysis_targets").addObject();
        target.put("name", f.getEntity());
        target.put("type", f.getEntityType());
        ArrayNode anomalies = analysis.putArray("anomalies");
        Map<String, String> observed = f.getEvidence().getObserved();
        observed.forEach((parameter, value) -> observation(anomalies.addObject(), parameter, value));
        if (observed.isEmpty()) {
            observation(anomalies.addObject(), "reason", f.getEvidence().getReason());
        }
        Map<String, String> baseline = f.getEvidence().getBaseline();
        if (!baseline.isEmpty()) {
            ArrayNode baselines = analysis.putArray("baselines");
            baseline.forEach((parameter, value) -> observation(baselines.addObject(), parameter, value));
        }
    }

    private static void observation(ObjectNode o, String parameter, String value) {
        o.put("observation_parameter", parameter);
        o.putArray("observations").addObject().put("value", value);
    }

    /**
     * The drifted resource's data: each setting the baseline and the observation both name, observed
     * against baseline (the drift detector writes a changed setting into both maps), then both maps whole
     * (they also hold context such as the baseline's capture time and any risk the change introduced).
     */
    static void changedSettings(ObjectNode data, Finding f) {
        Map<String, String> observed = f.getEvidence().getObserved();
        Map<String, String> baseline = f.getEvidence().getBaseline();
        ArrayNode changes = data.putArray("changes");
        observed.forEach((setting, now) -> {
            if (baseline.containsKey(setting)) {
                changes.addObject().put("setting", setting).put("observed", now).put("baseline", baseline.get(setting));
            }
        });
        ObjectNode seen = data.putObject("observed");
        observed.forEach(seen::put);
        ObjectNode held = data.putObject("baseline");
        baseline.forEach(held::put);
    }
}
