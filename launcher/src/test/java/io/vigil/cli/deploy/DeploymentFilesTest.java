package io.vigil.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.Vigil;
import io.vigil.schemas.wire.WireFormats;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The Compose and Kubernetes files cannot run here (no Docker, no cluster), so they are checked for
 * what breaks deployments: every Vigil command line parses with the real CLI, every file, config key,
 * environment variable, port and label they refer to exists and agrees with the others.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).toAbsolutePath().normalize();
    private static final Pattern VAR = Pattern.compile("\\$\\(([A-Z_]+)\\)");
    private static final Map<String, Integer> METRICS_PORTS = Map.of("collect", 9401, "streams", 9402, "respond", 9403);

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(r)) {
                if (doc != null) {
                    out.add((Map<String, Object>) doc);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object n = node;
        for (String key : path) {
            n = n instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return (T) n;
    }

    /** The command line parses with the real CLI: unknown options, bad values, missing required ones fail here. */
    private static void parses(List<String> args, String where) {
        try {
            new CommandLine(new Vigil()).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(where + ": " + args + " does not parse: " + e.getMessage(), e);
        }
    }

    @Test
    void kubernetesManifestsAgreeWithEachOtherAndWithTheCli() throws IOException {
        Path k8s = ROOT.resolve("deploy/k8s");
        Map<String, Object> kustomization = documents(k8s.resolve("kustomization.yaml")).get(0);
        List<String> resources = at(kustomization, "resources");
        List<String> configKeys = new ArrayList<>();
        for (Map<String, Object> generator : (List<Map<String, Object>>) at(kustomization, "configMapGenerator")) {
            for (String f : (List<String>) generator.getOrDefault("files", List.of())) {
                assertThat(k8s.resolve(f)).as("configMapGenerator file").isRegularFile();
                configKeys.add(Path.of(f).getFileName().toString());
            }
            for (String literal : (List<String>) generator.getOrDefault("literals", List.of())) {
                configKeys.add(literal.substring(0, literal.indexOf('=')));
            }
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String resource : resources) {
            assertThat(k8s.resolve(resource)).as("kustomization resource").isRegularFile();
            docs.addAll(documents(k8s.resolve(resource)));
        }
        Map<String, Map<String, Object>> byKindName = new HashMap<>();
        docs.forEach(d -> byKindName.put(d.get("kind") + "/" + at(d, "metadata", "name"), d));

        int workloads = 0;
        for (Map<String, Object> d : docs) {
            String kind = (String) d.get("kind");
            if (!kind.equals("Deployment") && !kind.equals("StatefulSet")) {
                continue;
            }
            workloads++;
            String name = at(d, "metadata", "name");
            Map<String, Object> labels = at(d, "spec", "template", "metadata", "labels");
            assertThat(labels).as(name + " selector matches its pods").containsAllEntriesOf(at(d, "spec", "selector", "matchLabels"));
            Map<String, Object> pod = at(d, "spec", "template", "spec");
            List<String> volumes = new ArrayList<>(((List<Map<String, Object>>) pod.get("volumes")).stream().map(v -> (String) v.get("name")).toList());
            if (kind.equals("StatefulSet")) {
                ((List<Map<String, Object>>) at(d, "spec", "volumeClaimTemplates")).forEach(t -> volumes.add(at(t, "metadata", "name")));
                assertThat(byKindName).as(name + " serviceName").containsKey("Service/" + at(d, "spec", "serviceName"));
                assertThat((Object) at(byKindName.get("Service/" + at(d, "spec", "serviceName")), "spec", "clusterIP")).isEqualTo("None");
            }
            if (pod.get("serviceAccountName") != null) {
                assertThat(byKindName).as(name + " service account").containsKey("ServiceAccount/" + pod.get("serviceAccountName"));
            }
            for (Map<String, Object> c : (List<Map<String, Object>>) pod.get("containers")) {
                Map<String, String> env = new HashMap<>();
                for (Map<String, Object> e : (List<Map<String, Object>>) c.getOrDefault("env", List.of())) {
                    String key = at(e, "valueFrom", "configMapKeyRef", "key");
                    if (key != null) {
                        assertThat(configKeys).as(name + " env " + e.get("name") + " from the generated ConfigMap").contains(key);
                    }
                    env.put((String) e.get("name"), "value-of-" + e.get("name"));
                }
                List<String> args = new ArrayList<>();
                for (Object a : (List<Object>) c.get("args")) {
                    Matcher m = VAR.matcher(String.valueOf(a));
                    while (m.find()) {
                        assertThat(env).as(name + " defines $(" + m.group(1) + ")").containsKey(m.group(1));
                    }
                    args.add(VAR.matcher(String.valueOf(a)).replaceAll("host:9092"));
                }
                parses(args, "deploy/k8s " + name);
                String service = args.get(0);
                int metricsPort = Integer.parseInt(args.get(args.indexOf("--metrics-port") + 1));
                assertThat(metricsPort).as(name + " metrics port (docs/METRICS.md)").isEqualTo(METRICS_PORTS.get(service));
                assertThat(String.valueOf((Object) at(d, "spec", "template", "metadata", "annotations", "prometheus.io/port"))).isEqualTo(String.valueOf(metricsPort));
                Map<String, Integer> ports = new HashMap<>();
                ((List<Map<String, Object>>) c.get("ports")).forEach(p -> ports.put((String) p.get("name"), (Integer) p.get("containerPort")));
                assertThat(ports).containsEntry("metrics", metricsPort);
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    if (c.get(probe) != null) {
                        assertThat(ports).as(name + " " + probe + " port").containsKey(at(c, probe, "httpGet", "port"));
                        assertThat((String) at(c, probe, "httpGet", "path")).as("an endpoint MetricsServer serves").isIn("/metrics", "/ready");
                    }
                }
                for (Map<String, Object> mount : (List<Map<String, Object>>) c.get("volumeMounts")) {
                    assertThat(volumes).as(name + " mounts a declared volume").contains((String) mount.get("name"));
                }
                int config = args.indexOf("--config");
                if (config >= 0) {
                    assertThat(args.get(config + 1)).startsWith("/etc/vigil/");
                    assertThat(configKeys).contains(Path.of(args.get(config + 1)).getFileName().toString());
                }
            }
            if (kind.equals("StatefulSet")) {
                assertThat(docs).as("a PodDisruptionBudget keeps " + name + " available").anySatisfy(pdb -> {
                    assertThat(pdb.get("kind")).isEqualTo("PodDisruptionBudget");
                    assertThat(labels).containsAllEntriesOf(at(pdb, "spec", "selector", "matchLabels"));
                });
            }
        }
        assertThat(workloads).isEqualTo(3);
        for (Map<String, Object> d : docs) {
            if ("Service".equals(d.get("kind"))) {
                Map<String, Object> selector = at(d, "spec", "selector");
                assertThat(docs).as("Service " + at(d, "metadata", "name") + " selects some pods").anySatisfy(w ->
                        assertThat((Map<String, Object>) at(w, "spec", "template", "metadata", "labels")).isNotNull().containsAllEntriesOf(selector));
            }
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(k8s.resolve("vigil.properties"))) {
            props.load(r);
        }
        assertThat(WireFormats.fromConfig(toMap(props))).isNotNull();
    }

    @Test
    void composeFileAgreesWithTheCliThePrometheusConfigAndTheImage() throws IOException {
        Map<String, Object> compose = documents(ROOT.resolve("docker-compose.yml")).get(0);
        Map<String, Map<String, Object>> services = at(compose, "services");
        String dockerfile = Files.readString(ROOT.resolve((String) at(compose, "x-vigil-service", "build", "dockerfile")));
        String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        int vigilServices = 0;
        for (var e : services.entrySet()) {
            Map<String, Object> s = e.getValue();
            for (Object volume : (List<Object>) s.getOrDefault("volumes", List.of())) {
                String host = String.valueOf(volume).split(":")[0];
                if (host.startsWith("./")) {
                    assertThat(ROOT.resolve(host)).as(e.getKey() + " mounts an existing path").exists();
                }
            }
            Object image = s.get("image");
            assertThat(String.valueOf(image)).as(e.getKey() + " image is pinned").doesNotEndWith(":latest").contains(":");
            if (!e.getKey().startsWith("vigil-")) {
                continue;
            }
            vigilServices++;
            List<String> command = (List<String>) s.get("command");
            parses(command, "docker-compose " + e.getKey());
            String service = command.get(0);
            if (service.equals("report")) {
                continue; // the report scheduler serves no metrics: it writes a report a day
            }
            int port = Integer.parseInt(command.get(command.indexOf("--metrics-port") + 1));
            assertThat(port).isEqualTo(METRICS_PORTS.get(service));
            assertThat((List<Object>) s.get("expose")).extracting(String::valueOf).contains(String.valueOf(port));
            assertThat(dockerfile).contains("EXPOSE").contains(String.valueOf(port));
            assertThat(prometheus).as("Prometheus scrapes " + e.getKey()).contains("names: [\"" + e.getKey() + "\"]").contains("port: " + port);
            assertThat(command.get(command.indexOf("--config") + 1)).isEqualTo("/etc/vigil/vigil.properties");
        }
        assertThat(vigilServices).isEqualTo(4);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve("deploy/docker/vigil.properties"))) {
            props.load(r);
        }
        assertThat(WireFormats.fromConfig(toMap(props))).isNotNull();
        assertThat(props.getProperty(WireFormats.REGISTRY_URL)).as("the registry of the Compose file").startsWith("http://schema-registry:8080/");
    }

    private static Map<String, Object> toMap(Properties p) {
        Map<String, Object> m = new HashMap<>();
        p.forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }
}
