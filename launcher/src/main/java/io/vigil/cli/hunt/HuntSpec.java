package io.vigil.cli.hunt;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a hunt replays: its id (its topic is {@code hunt.<id>.findings}, its application id
 * {@code vigil-hunt-<id>}), the event-time range [from, to), and which detectors run (globs; none
 * means all) less those left out (the second run of {@code hunt diff}); and, optionally, the time of
 * the baseline snapshots its stores start from ({@code --baseline-at}; null: it learns from its range).
 */
public record HuntSpec(String id, Instant from, Instant to, List<String> detectors, List<String> without, Instant baselineAt) {

    /** A hunt that learns its baselines from its range alone. */
    public HuntSpec(String id, Instant from, Instant to, List<String> detectors, List<String> without) {
        this(id, from, to, detectors, without, null);
    }

    /** The same hunt, its stores first seeded from {@code baseline.snapshots} as published at {@code at}. */
    public HuntSpec withBaselineAt(Instant at) {
        return new HuntSpec(id, from, to, detectors, without, at);
    }

    public HuntSpec {
        if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("--id '" + id + "': expected letters, digits, '.', '_' or '-' (at most 100)");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
        }
        detectors = detectors == null ? List.of() : List.copyOf(detectors);
        without = without == null ? List.of() : List.copyOf(without);
    }

    public String topic() {
        return "hunt." + id + ".findings";
    }

    public String applicationId() {
        return "vigil-hunt-" + id;
    }

    public Predicate<String> detectorFilter() {
        Predicate<String> in = globs(detectors);
        return without.isEmpty() ? in : in.and(globs(without).negate());
    }

    /** A predicate over detector names from globs ({@code *} matches any run of characters); none means all. */
    static Predicate<String> globs(List<String> patterns) {
        if (patterns.isEmpty()) {
            return d -> true;
        }
        List<Pattern> compiled = patterns.stream().map(String::strip)
                .map(g -> Pattern.compile(Arrays.stream(g.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")))).toList();
        return d -> compiled.stream().anyMatch(p -> p.matcher(d).matches());
    }
}
