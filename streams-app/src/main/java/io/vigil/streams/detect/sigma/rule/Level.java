package io.vigil.streams.detect.sigma.rule;

import java.util.Locale;

/** A Sigma rule's {@code level}; a rule without one is {@link #LOW}: it was not judged worth more. */
public enum Level {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    static Level parse(Object value) {
        if (value == null) {
            return LOW;
        }
        try {
            return valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnsupportedConstruct("level: " + value, "unknown level (informational, low, medium, high, critical)");
        }
    }
}
