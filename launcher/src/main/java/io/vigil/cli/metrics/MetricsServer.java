package io.vigil.cli.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's Prometheus registry (with the JVM binders) and, when a port is given, the HTTP endpoints
 * {@code GET /metrics} (the Prometheus text format) and {@code GET /ready} (200 or 503, for readiness probes).
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private HttpServer server;
    private volatile BooleanSupplier ready = () -> true;

    private MetricsServer() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** A registry served on {@code bind:port}; port 0 keeps the registry but serves nothing. */
    public static MetricsServer start(String bind, int port) {
        MetricsServer m = new MetricsServer();
        if (port > 0) {
            try {
                m.server = HttpServer.create(new InetSocketAddress(bind, port), 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve metrics on " + bind + ":" + port + " (" + e.getMessage() + "); choose another --metrics-port", e);
            }
            m.server.createContext("/metrics", exchange -> {
                byte[] body = m.registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            // Readiness for orchestrators: 200 once the service can do its work, 503 before (e.g. state still restoring).
            m.server.createContext("/ready", exchange -> {
                boolean ok = m.ready.getAsBoolean();
                byte[] body = (ok ? "ready\n" : "not ready\n").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            m.server.start();
            LOG.info("metrics at http://{}:{}/metrics", bind, m.port());
        }
        return m;
    }

    /** What {@code GET /ready} reports; ready by default. */
    public void readiness(BooleanSupplier ready) {
        this.ready = ready;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public int port() {
        return server == null ? 0 : server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        gc.close();
        registry.close();
    }
}
