package io.vigil.schemas.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of a Schema Registry's HTTP surface: just the register and fetch-by-id calls of the
 * Confluent REST API, on a loopback port, so the real client and wire format are exercised over HTTP.
 */
final class LocalSchemaRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, String> schemas = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(1);
    final AtomicInteger registerCalls = new AtomicInteger();

    LocalSchemaRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/subjects/", this::register);
        server.createContext("/schemas/ids/", this::fetch);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void register(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod()) || !ex.getRequestURI().getPath().endsWith("/versions")) {
            reply(ex, 404, "{\"error_code\":404}");
            return;
        }
        registerCalls.incrementAndGet();
        String schema = JSON.readTree(ex.getRequestBody()).path("schema").asText();
        int id = ids.computeIfAbsent(schema, s -> next.getAndIncrement());
        schemas.put(id, schema);
        reply(ex, 200, "{\"id\":" + id + "}");
    }

    private void fetch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String schema = schemas.get(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
        if (schema == null) {
            reply(ex, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        } else {
            reply(ex, 200, JSON.createObjectNode().put("schema", schema).toString());
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
