package io.vigil.streams.detect.sigma.rule;

/**
 * A construct of a rule that this engine does not implement or that is malformed. Thrown while a rule
 * is parsed or compiled and turned into a {@link RuleProblem}, so a rule is either run exactly as
 * written or reported with the construct that stopped it, never run with a part silently dropped.
 */
public final class UnsupportedConstruct extends RuntimeException {
    private final String construct;

    public UnsupportedConstruct(String construct, String reason) {
        super(reason, null, false, false);
        this.construct = construct;
    }

    public String construct() {
        return construct;
    }

    public String reason() {
        return getMessage();
    }
}
