package io.vigil.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Vigil metric the Grafana dashboards and the Prometheus alert rules query is one the services
 * register (a name in their code) and one docs/METRICS.md documents: a dashboard or alert on a metric
 * nobody exports shows nothing and never fires, which no other test would notice.
 */
class MetricsContractTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile("\\bvigil_[a-z_]+\\b");

    private static Set<String> names(Stream<Path> files) {
        Set<String> out = new TreeSet<>();
        files.forEach(f -> {
            try {
                Matcher m = METRIC.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return out;
    }

    private static Stream<Path> under(String dir, String suffix) throws IOException {
        return Files.walk(ROOT.resolve(dir)).filter(p -> p.toString().endsWith(suffix));
    }

    /** The name a service registers for an exposed series: histograms add _bucket/_sum/_count; counters end in _total. */
    private static boolean registered(String series, Set<String> inCode) {
        String base = series.replaceFirst("_(bucket|sum|count)$", "");
        return inCode.contains(base) || inCode.contains(base.replaceFirst("_total$", "")) || inCode.contains(base + "_total");
    }

    @Test
    void dashboardsAndAlertsQueryOnlyMetricsTheServicesExportAndTheDocsDescribe() throws IOException {
        Set<String> inCode = new TreeSet<>();
        for (String module : new String[] {"collectors", "streams-app", "responders", "reports", "launcher"}) {
            inCode.addAll(names(under(module + "/src/main/java", ".java")));
        }
        Set<String> queried = new TreeSet<>(names(under("deploy/grafana/dashboards", ".json")));
        queried.addAll(names(under("deploy/prometheus/rules", ".yml")));
        String documented = Files.readString(ROOT.resolve("docs/METRICS.md"));
        assertThat(queried).isNotEmpty();
        assertThat(queried).allSatisfy(m -> {
            assertThat(registered(m, inCode)).as(m + " is registered by a service").isTrue();
            assertThat(documented).as(m + " is documented in docs/METRICS.md").contains(m.replaceFirst("_(bucket|sum|count)$", ""));
        });
    }
}
