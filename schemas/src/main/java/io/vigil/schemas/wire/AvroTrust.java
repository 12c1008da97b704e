package io.vigil.schemas.wire;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * The one place that tells Avro 1.12 our generated classes may be instantiated when decoding.
 *
 * <p>Avro checks every class it loads by name against a global predicate; the system-property form
 * is read only once, when Avro first loads, which is too early to rely on. So the trust is added to
 * the global predicate, once, before any wire format decodes.
 */
public final class AvroTrust {
    static final String PACKAGE = "io.vigil.schemas.";
    private static boolean done;

    private AvroTrust() {}

    public static synchronized void ensure() {
        if (done) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, c -> c.getName().startsWith(PACKAGE)));
        done = true;
    }
}
