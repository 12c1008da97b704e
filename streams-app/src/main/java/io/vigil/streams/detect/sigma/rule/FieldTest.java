package io.vigil.streams.detect.sigma.rule;

import java.util.List;
import java.util.Set;

/**
 * One {@code field|modifiers: values} entry of a selection. Values are kept as YAML gave them
 * (strings, numbers, booleans, null); several values are alternatives unless {@link Modifier#ALL}.
 *
 * @param field     the Sigma field name, e.g. {@code requestParameters.attribute}
 * @param modifiers the modifiers in the order written
 * @param values    the values (a single value is a list of one)
 */
public record FieldTest(String field, List<Modifier> modifiers, List<Object> values) {
    public FieldTest {
        modifiers = List.copyOf(modifiers);
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    public boolean has(Modifier m) {
        return modifiers.contains(m);
    }

    /** True when the test is a plain (case-insensitive) equality on fixed strings: what the rule index can use. */
    public boolean plainEquality() {
        return (modifiers.isEmpty() || Set.of(Modifier.CASED).containsAll(modifiers))
                && !values.isEmpty()
                && values.stream().allMatch(v -> v != null && !(v instanceof String s && Wildcards.hasWildcard(s)));
    }
}
