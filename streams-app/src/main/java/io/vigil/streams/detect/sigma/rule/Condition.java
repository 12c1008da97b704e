package io.vigil.streams.detect.sigma.rule;

import java.util.List;

/** A parsed {@code condition}: boolean structure over search identifiers. */
public sealed interface Condition {

    record And(List<Condition> parts) implements Condition {}

    record Or(List<Condition> parts) implements Condition {}

    record Not(Condition inner) implements Condition {}

    /** A search identifier by name. */
    record Ref(String name) implements Condition {}

    /**
     * {@code 1 of pattern} ({@code all == false}) or {@code all of pattern}, already expanded to the
     * identifiers the pattern named ({@code them}: every identifier), so evaluation needs no globbing.
     */
    record Of(boolean all, String pattern, List<String> names) implements Condition {}
}
