package io.vigil.streams.siem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A MITRE ATT&CK technique id split the way SIEM schemas want it: OCSF's {@code attack} object and
 * ECS's {@code threat.technique} both hold the parent technique and the sub-technique separately, so
 * {@code T1562.007} becomes technique {@code T1562} with sub-technique {@code T1562.007}.
 *
 * @param subTechnique the full sub-technique id, or null for a technique without one
 */
record AttackTechnique(String technique, String subTechnique) {
    private static final Pattern ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    /**
     * The well-formed ids, in order and without repeats. Anything else is dropped here rather than
     * sent into a SIEM's technique field, where it would break correlation; the raw list stays in
     * each format's Vigil-specific part.
     */
    static List<AttackTechnique> of(List<String> ids) {
        List<AttackTechnique> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (id != null && ID.matcher(id).matches()) {
                int dot = id.indexOf('.');
                out.add(dot < 0 ? new AttackTechnique(id, null) : new AttackTechnique(id.substring(0, dot), id));
            }
        }
        return out;
    }
}
