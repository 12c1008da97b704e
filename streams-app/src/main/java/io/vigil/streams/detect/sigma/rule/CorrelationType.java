package io.vigil.streams.detect.sigma.rule;

/** Sigma v2 correlation types. */
public enum CorrelationType {
    /** Hits of the referenced rules per group within the timespan, compared with the condition. */
    EVENT_COUNT,
    /** Distinct values of the condition's {@code field} per group within the timespan. */
    VALUE_COUNT,
    /** Distinct referenced rules that hit per group within the timespan (all of them by default). */
    TEMPORAL,
    /** As {@link #TEMPORAL}, and the hits must come in the order the rules are listed. */
    TEMPORAL_ORDERED
}
