package io.vigil.streams.detect.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A configuration as sorted {@code path -> value} pairs ({@code ipPermissions[0].ipRanges[1].cidrIp}),
 * so that two versions compare field by field and a drift names exactly what changed. Bounded: a
 * resource with a huge configuration keeps its first {@link #MAX_PATHS} paths, values cut at
 * {@link #MAX_VALUE} characters.
 */
final class ConfigFlattener {
    static final int MAX_PATHS = 2000;
    static final int MAX_VALUE = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigFlattener() {}

    static TreeMap<String, String> flatten(String json) {
        TreeMap<String, String> out = new TreeMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            walk("", JSON.readTree(json), out);
        } catch (Exception e) {
            out.put("(unparseable)", cut(json));
        }
        return out;
    }

    static JsonNode parse(String json) {
        try {
            return json == null ? JSON.missingNode() : JSON.readTree(json);
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    private static void walk(String path, JsonNode n, Map<String, String> out) throws Exception {
        if (out.size() >= MAX_PATHS || n == null || n.isMissingNode()) {
            return;
        }
        if (n.isTextual() && looksLikeJson(n.asText())) {
            walk(path, JSON.readTree(n.asText()), out); // IAM documents and bucket policies arrive as JSON strings
            return;
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(path + "[" + i + "]", n.get(i), out);
            }
        } else if (!n.isNull()) {
            out.put(path, cut(n.asText()));
        }
    }

    private static boolean looksLikeJson(String s) {
        String t = s.strip();
        return t.length() > 1 && (t.startsWith("{") && t.endsWith("}") || t.startsWith("%7B"));
    }

    private static String cut(String s) {
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE) + "…";
    }
}
