package io.vigil.streams.detect.sigma.rule;

import java.util.Locale;

/** The field modifiers this engine implements (Sigma specification, "Value modifiers"). */
public enum Modifier {
    CONTAINS, STARTSWITH, ENDSWITH, ALL, RE, I, M, S, CIDR, EXISTS, CASED, WINDASH, BASE64, BASE64OFFSET, FIELDREF, GT, GTE, LT, LTE;

    /** The modifier named {@code name}, or an {@link UnsupportedConstruct} naming the whole field expression. */
    static Modifier parse(String name, String fieldExpression) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnsupportedConstruct(fieldExpression, "modifier '" + name + "' is not supported");
        }
    }
}
