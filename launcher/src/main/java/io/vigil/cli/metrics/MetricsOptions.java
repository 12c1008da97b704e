package io.vigil.cli.metrics;

import picocli.CommandLine.Option;

/** Where a service serves {@code /metrics}; loopback by default, since metrics reveal the estate's activity. */
public final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics on this port at /metrics (0: do not serve). Default: the service's port in docs/METRICS.md.")
    Integer port;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to serve metrics on (default: ${DEFAULT-VALUE}; 0.0.0.0 in containers).")
    String bind;

    public int portOr(int serviceDefault) {
        int p = port == null ? serviceDefault : port;
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("--metrics-port " + p + ": expected 0 (off) or a TCP port 1-65535");
        }
        return p;
    }

    public String bind() {
        return bind;
    }
}
