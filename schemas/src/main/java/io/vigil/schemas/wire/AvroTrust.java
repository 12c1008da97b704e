package io.vigil.schemas.wire;

/**
 * The one place that tells Avro 1.12 our generated classes may be instantiated when decoding.
 *
 * <p>Avro reads {@code org.apache.avro.SERIALIZABLE_PACKAGES} once, when {@code SpecificDatumReader}
 * is first loaded, so every wire format calls {@link #ensure()} before it creates a reader.
 */
public final class AvroTrust {
    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    static final String PACKAGE = "io.vigil.schemas";

    private AvroTrust() {}

    public static synchronized void ensure() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, "java.lang,java.math,java.io,java.net,org.apache.avro.reflect," + PACKAGE);
        } else if (!(("," + current + ",").contains("," + PACKAGE + ","))) {
            System.setProperty(PROPERTY, current + "," + PACKAGE);
        }
    }
}
