package io.vigil.collectors.format.vpcflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * Opens the {@code {"awslogs":{"data":"..."}}} envelope in which CloudWatch Logs hands a subscription
 * payload to Lambda: base64 of gzip of {@code {"messageType":..., "logEvents":[...]}}.
 */
final class CloudWatchLogs {
    /** CloudWatch sends at most about 1 MB per payload; anything far larger is refused, not inflated. */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    private CloudWatchLogs() {}

    static JsonNode openEnvelope(String data) throws FlowDecodeException {
        byte[] compressed;
        try {
            compressed = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new FlowDecodeException("bad_payload", "awslogs.data is not base64: " + e.getMessage());
        }
        byte[] json;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            json = in.readNBytes(MAX_PAYLOAD + 1);
        } catch (IOException e) {
            throw new FlowDecodeException("bad_payload", "awslogs.data is not complete gzip: " + e.getMessage());
        }
        if (json.length > MAX_PAYLOAD) {
            throw new FlowDecodeException("limit_exceeded", "awslogs.data inflates to more than " + MAX_PAYLOAD + " bytes");
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new FlowDecodeException("malformed_json", "awslogs.data does not hold JSON: " + firstLine(e.getMessage()));
        }
    }

    static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
