package io.vigil.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka (KRaft, broker and controller in one process) started in-process.
 *
 * <p>Used by the one-machine default of the CLI (data kept in a directory so that commands compose)
 * and by the tests through {@link EmbeddedKafkaExtension}. The storage is formatted with Kafka's own
 * {@code StorageTool} on first use; ports are chosen free at each start. Retention is unlimited:
 * records carry event time, and replayed history must not be deleted for being old.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** The SASL mechanism of a secured broker. */
    public static final String SCRAM = "SCRAM-SHA-512";
    /** The secured broker's super user, which the broker itself also authenticates as. */
    public static final String ADMIN = "admin";

    private final Path dataDir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final boolean deleteOnClose;
    private final String adminPassword;

    private EmbeddedKafka(Path dataDir, KafkaRaftServer server, String bootstrapServers, boolean deleteOnClose, String adminPassword) {
        this.dataDir = dataDir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.deleteOnClose = deleteOnClose;
        this.adminPassword = adminPassword;
    }

    /** Starts a broker whose data lives in {@code dataDir} (created, and formatted if new). */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, false);
    }

    /** Starts a broker in a fresh temporary directory that is deleted on close. */
    public static EmbeddedKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("vigil-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for Kafka", e);
        }
    }

    /**
     * Starts a broker in a fresh temporary directory that authenticates clients with SASL/SCRAM and
     * authorises them with Kafka's ACLs ({@code StandardAuthorizer}, deny unless allowed). {@link #ADMIN}
     * is the only user at first, and a super user; {@link #clientProps()} connects as it.
     */
    public static EmbeddedKafka startSecured(String adminPassword) {
        try {
            return start(Files.createTempDirectory("vigil-kafka-sasl-"), true, adminPassword);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for Kafka", e);
        }
    }

    /** Client properties that authenticate as {@code user} on a secured broker. */
    public static Map<String, Object> scramClient(String bootstrapServers, String user, String password) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", SCRAM,
                "sasl.jaas.config", jaas(user, password));
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private static EmbeddedKafka start(Path dataDir, boolean deleteOnClose) {
        return start(dataDir, deleteOnClose, null);
    }

    private static EmbeddedKafka start(Path dataDir, boolean deleteOnClose, String adminPassword) {
        try {
            Path logDir = dataDir.toAbsolutePath().resolve("kafka");
            Files.createDirectories(logDir);
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties props = brokerProperties(logDir, brokerPort, controllerPort);
            if (adminPassword != null) {
                secure(props, brokerPort, adminPassword);
            }
            format(dataDir, logDir, props, adminPassword);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            EmbeddedKafka kafka = new EmbeddedKafka(dataDir, server, bootstrap, deleteOnClose, adminPassword);
            kafka.awaitReady();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Kafka in " + dataDir, e);
        }
    }

    static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.ms", "-1");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.put("message.max.bytes", String.valueOf(4 * 1024 * 1024));
        return p;
    }

    /**
     * Clients (and the broker itself) on SASL_PLAINTEXT with SCRAM; ACLs enforced. The controller
     * listener stays plaintext on loopback: its only client is this process's broker, which the
     * authoriser sees as ANONYMOUS and must let through.
     */
    private static void secure(Properties p, int brokerPort, String adminPassword) {
        p.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + "," + p.getProperty("listeners").split(",")[1]);
        p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", SCRAM);
        p.put("sasl.mechanism.inter.broker.protocol", SCRAM);
        p.put("listener.name.sasl_plaintext." + SCRAM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config", jaas(ADMIN, adminPassword));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
    }

    private static void format(Path dataDir, Path logDir, Properties props, String adminPassword) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path config = dataDir.toAbsolutePath().resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(w, "written by Vigil to format the embedded broker's storage");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(),
                    "--ignore-formatted"));
            if (adminPassword != null) { // the broker authenticates to itself as the admin, so the credential must exist from the start
                args.addAll(java.util.List.of("--add-scram", SCRAM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"));
            }
            rc = StorageTool.execute(args.toArray(String[]::new), ps);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + logDir + " failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(clientProps())) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("embedded Kafka did not become ready within " + READY_TIMEOUT, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embedded Kafka", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** What a client needs to connect: the bootstrap servers and, on a secured broker, the admin's credentials. */
    public Map<String, Object> clientProps() {
        return adminPassword == null ? Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)
                : scramClient(bootstrapServers, ADMIN, adminPassword);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
