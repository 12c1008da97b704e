package io.vigil.cli.bench;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.aws.AwsClients;
import io.vigil.responders.aws.Ec2FleetSnapshots;
import io.vigil.responders.evidence.FanOut;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Instance;

@Command(name = "respond", mixinStandardHelpOptions = true,
        description = {"The snapshot fan-out of a fleet-wide response against moto_server (started",
                "on a free loopback port from PATH, or --endpoint-url): creates N instances",
                "with one EBS volume each (not timed), then plans (batched DescribeInstances",
                "and DescribeSnapshots) and issues one CreateSnapshot per volume with bounded",
                "concurrency and a paced rate. Prints the time to issue all calls and the",
                "concurrency achieved. Goal: <= 30 s for 1000."})
final class RespondBenchCommand implements Callable<Integer> {
    static final Duration GOAL = Duration.ofSeconds(30);

    @Option(names = "--instances", defaultValue = "1000", paramLabel = "N", description = "Instances to snapshot, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--concurrency", defaultValue = "32", paramLabel = "N", description = "Calls in flight at most, 1 to 256 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", defaultValue = "200", paramLabel = "CALLS_PER_S",
            description = "Calls started per second at most (EC2's CreateSnapshot limit is account-specific; default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "A running moto_server (or other EC2 emulator); never a real account.")
    URI endpointUrl;

    @Override
    public Integer call() throws Exception {
        if (instances < 1 || instances > 10_000 || concurrency < 1 || concurrency > 256 || rate <= 0) {
            throw new IllegalArgumentException("expected --instances 1..10000, --concurrency 1..256 and a positive --rate");
        }
        Process moto = null;
        URI endpoint = endpointUrl;
        try {
            if (endpoint == null) {
                Path exe = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).filter(d -> !d.isBlank())
                        .map(d -> Path.of(d, "moto_server")).filter(Files::isExecutable).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("moto_server is not on PATH (pip install 'moto[server]'), and no --endpoint-url"));
                int port;
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = s.getLocalPort();
                }
                moto = new ProcessBuilder(exe.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                        .redirectErrorStream(true).redirectOutput(Files.createTempFile("vigil-bench-moto-", ".log").toFile()).start();
                endpoint = URI.create("http://127.0.0.1:" + port);
                awaitAnswering(endpoint, moto);
            }
            return run(endpoint);
        } finally {
            if (moto != null) {
                moto.destroy();
                moto.waitFor();
            }
        }
    }

    private int run(URI endpoint) throws InterruptedException {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        try (AwsClients aws = AwsClients.create(Optional.of(endpoint), Optional.of("us-east-1"), credentials); FanOut fanOut = new FanOut(concurrency, rate)) {
            Ec2Client ec2 = aws.ec2();
            long setup = System.nanoTime();
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.42.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.42.0.0/17")).subnet().subnetId();
            List<String> ids = new ArrayList<>();
            while (ids.size() < instances) {
                int n = Math.min(100, instances - ids.size());
                ec2.runInstances(r -> r.imageId("ami-12c6146b").minCount(n).maxCount(n).subnetId(subnet)
                        .blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/sdf").ebs(e -> e.volumeSize(8)).build()))
                        .instances().stream().map(Instance::instanceId).forEach(ids::add);
            }
            Duration setupTime = Duration.ofNanos(System.nanoTime() - setup);
            String finding = "bench-" + Instant.now().toEpochMilli();
            ActionContext ctx = new ActionContext("case-bench", finding, "bench-respond", finding, Duration.ofMinutes(30), Instant.now());

            long t0 = System.nanoTime();
            Ec2FleetSnapshots.Report report = new Ec2FleetSnapshots(ec2).snapshotFleet(ids, ctx, fanOut, true);
            Duration total = Duration.ofNanos(System.nanoTime() - t0);

            FanOut.Stats s = report.issuing();
            System.out.printf(Locale.ROOT, "endpoint %s; setup (not timed): %d instances with %d EBS volumes in %.1f s%n", endpoint, ids.size(),
                    report.volumes().size(), setupTime.toMillis() / 1e3);
            System.out.printf(Locale.ROOT, "plan: %d describe calls in %.2f s; %d volumes to snapshot%n", report.reads(), report.planning().toMillis() / 1e3,
                    report.toTake().size());
            System.out.printf(Locale.ROOT, "issue: %d CreateSnapshot calls in %.2f s (%.0f calls/s; limits: concurrency %d, rate %.0f/s); %d failed%n",
                    s.calls(), s.wall().toMillis() / 1e3, s.callsPerSecond(), concurrency, rate, report.failures().size());
            System.out.printf(Locale.ROOT, "concurrency achieved: max %d in flight, average %.1f%n", s.maxInFlight(), s.averageConcurrency());
            System.out.printf(Locale.ROOT, "time to issue all calls (plan + issue): %.2f s; goal <= %d s for 1000 instances: %s%n", total.toMillis() / 1e3,
                    GOAL.toSeconds(), total.compareTo(GOAL) <= 0 ? "met" : "not met");
            report.failures().entrySet().stream().limit(5).forEach(e -> System.out.println("failed " + e.getKey() + ": " + e.getValue()));
            return report.failures().isEmpty() ? 0 : 1;
        }
    }

    private static void awaitAnswering(URI endpoint, Process moto) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!moto.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + moto.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("moto_server did not answer on " + endpoint + " within 60 s");
    }
}
