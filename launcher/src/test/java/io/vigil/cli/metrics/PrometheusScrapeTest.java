package io.vigil.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.collectors.format.Format;
import io.vigil.collectors.metrics.CollectorMetrics;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics endpoint as Prometheus sees it: first by a plain HTTP GET, then by a real Prometheus
 * server (Debian's package; skipped where it is not installed) scraping it and answering a query.
 */
class PrometheusScrapeTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void metricsEndpointServesTheContractNamesWithZeroedCounters() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", freePort())) {
            CollectorMetrics metrics = new CollectorMetrics(server.registry(), "file");
            metrics.published(Format.VPCFLOW);
            metrics.deadLettered(Format.CLOUDTRAIL, "malformed_json");
            metrics.eventTime(java.time.Instant.ofEpochSecond(1_700_000_500));
            metrics.eventTime(java.time.Instant.ofEpochSecond(1_700_000_000)); // older: the gauge keeps the newest
            metrics.transaction(true);
            metrics.polled(false, java.time.Instant.ofEpochSecond(1_800_000_000));
            String body = get("http://127.0.0.1:" + server.port() + "/metrics");
            assertThat(body)
                    .contains("vigil_collector_records_total{format=\"vpcflow\",outcome=\"published\",source=\"file\"} 1.0")
                    .contains("vigil_collector_records_total{format=\"osquery\",outcome=\"dead_lettered\",source=\"file\"} 0.0")
                    .contains("vigil_collector_dead_letters_total{format=\"cloudtrail\",reason=\"malformed_json\",source=\"file\"} 1.0")
                    .contains("vigil_collector_newest_event_timestamp_seconds{source=\"file\"} 1.7000005E9")
                    .contains("vigil_collector_transactions_total{outcome=\"committed\",source=\"file\"} 1.0")
                    .contains("vigil_collector_transactions_total{outcome=\"aborted\",source=\"file\"} 0.0")
                    .contains("vigil_collector_polls_total{outcome=\"failed\",source=\"file\"} 1.0")
                    .contains("vigil_collector_last_poll_success_timestamp_seconds{source=\"file\"} 0.0")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void approvalWaitsAreAHistogramWithTheDocumentedBuckets() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", freePort())) {
            new io.vigil.responders.metrics.ResponderMetrics(server.registry()).approvalWaited(java.time.Duration.ofSeconds(45));
            String body = get("http://127.0.0.1:" + server.port() + "/metrics");
            assertThat(body).contains("vigil_response_approval_wait_seconds_bucket{le=\"30.0\"} 0")
                    .contains("vigil_response_approval_wait_seconds_bucket{le=\"60.0\"} 1")
                    .contains("vigil_response_approval_wait_seconds_count 1");
        }
    }

    @Test
    void readinessSaysWhatTheServiceReports() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", freePort())) {
            URI ready = URI.create("http://127.0.0.1:" + server.port() + "/ready");
            assertThat(http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean(false);
            server.readiness(up::get);
            assertThat(http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
            up.set(true);
            assertThat(http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRealPrometheusScrapesTheSeries(@TempDir Path dir) throws Exception {
        Path binary = Path.of("/usr/bin/prometheus");
        Assumptions.assumeTrue(Files.isExecutable(binary), "prometheus is not installed (apt-get install prometheus)");
        try (MetricsServer server = MetricsServer.start("127.0.0.1", freePort())) {
            new CollectorMetrics(server.registry(), "file").published(Format.CLOUDTRAIL);
            int promPort = freePort();
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 1s
                    scrape_configs:
                      - job_name: vigil-collect
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(server.port()));
            Process prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + promPort)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                String query = "http://127.0.0.1:" + promPort + "/api/v1/query?query="
                        + URLEncoder.encode("vigil_collector_records_total{job=\"vigil-collect\",format=\"cloudtrail\",outcome=\"published\"}", StandardCharsets.UTF_8);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> get(query).contains("\"value\""));
                assertThat(get(query)).contains("\"1\"]");
            } finally {
                prometheus.destroy();
                prometheus.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
