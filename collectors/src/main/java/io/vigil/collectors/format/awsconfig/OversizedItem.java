package io.vigil.collectors.format.awsconfig;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** The S3 object of an oversized configuration item: JSON, gzip or not, read with the same limits as any input. */
final class OversizedItem {
    private OversizedItem() {}

    static JsonNode parse(byte[] bytes) throws IOException {
        boolean gzip = bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(bytes)) : new ByteArrayInputStream(bytes)) {
            JsonNode node = Json.MAPPER.readTree(in);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        }
    }
}
