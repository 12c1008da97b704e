package io.vigil.schemas.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every schema version ever released, per record type, read from {@code released/<Name>/index} and
 * {@code released/<Name>/v<N>.avsc} on the classpath. Decoders learn them all so that records written
 * by an older release still decode; the compatibility test checks the current schema can read each.
 */
public final class ReleasedSchemas {
    private ReleasedSchemas() {}

    public static List<Schema> of(String recordName) {
        List<Schema> out = new ArrayList<>();
        for (int v = 1; ; v++) {
            String path = "/released/" + recordName + "/v" + v + ".avsc";
            try (InputStream in = ReleasedSchemas.class.getResourceAsStream(path)) {
                if (in == null) {
                    return out;
                }
                out.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read released schema " + path, e);
            }
        }
    }
}
