package io.vigil.schemas.wire;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * The one place that tells Avro 1.12 our generated classes may be instantiated when decoding.
 *
 * <p>Avro checks every class it loads by name against a global predicate — even a builder filling in
 * a default list of records does. The system-property form is read only once, when Avro first loads,
 * which is too early to rely on. So each entry point (the CLI, the wire formats, the readers, the
 * topology, the responder, the reports) calls {@link #ensure()} before it touches a generated class.
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
