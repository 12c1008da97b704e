package io.vigil.cli.service;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.cli.metrics.ConsumerLag;
import io.vigil.cli.metrics.MetricsOptions;
import io.vigil.cli.metrics.MetricsServer;
import io.vigil.responders.Responder;
import io.vigil.responders.metrics.ResponderMetrics;
import io.vigil.responders.ResponderOptions;
import io.vigil.responders.evidence.ForensicTarget;
import io.vigil.responders.notify.Webhook;
import io.vigil.responders.kafka.ApprovalLoop;
import io.vigil.responders.kafka.ResponderLoop;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.json.FindingJson;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.AvroSerde;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "respond", mixinStandardHelpOptions = true,
        description = {"Runs the response playbooks: over findings read from a JSON-lines file (--findings), once,",
                "or as a service consuming the findings topic. Dry run (plans only, changes nothing) unless --execute."})
public final class RespondCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--findings", paramLabel = "FILE", description = "Findings as JSON lines (as written by vigil replay --out); run once over them.")
    Path findings;

    @Option(names = "--tag", paramLabel = "TAG", description = "With --findings: add this tag to every finding read (e.g. hunt, for the hunt-follow-up playbook); repeatable.")
    List<String> tags = List.of();

    @Option(names = "--execute", description = "Carry the actions out through the cloud APIs. Without it, a dry run.")
    boolean execute;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send AWS API calls to this endpoint (e.g. a local emulator).")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the SDK's region chain).")
    String region;

    @Option(names = "--playbooks", paramLabel = "DIR", description = "A folder of playbook YAML files to use instead of the shipped ones.")
    Path playbooks;

    @Option(names = "--forensic-account", paramLabel = "ACCOUNT_ID",
            description = "The forensic account that volume.forensic_copy steps copy and share snapshots to (with --forensic-kms-key).")
    String forensicAccount;

    @Option(names = "--forensic-kms-key", paramLabel = "KEY_ARN", description = "The forensic account's KMS key the copies are re-encrypted with.")
    String forensicKmsKey;

    @Option(names = "--legal-hold-logs", paramLabel = "S3_URI",
            description = "Logs that logs.legal_hold steps put under S3 Object Lock legal hold: s3://BUCKET/PREFIX (a bucket created with Object Lock).")
    String legalHoldLogs;

    @Option(names = "--webhook-url", paramLabel = "URL",
            description = "Post case events (notify.case steps, when executing) as JSON to this URL; a bearer token is read from VIGIL_WEBHOOK_TOKEN.")
    URI webhookUrl;

    @Mixin
    MetricsOptions metricsOptions;

    @Override
    public Integer call() throws Exception {
        if (endpointUrl != null && (endpointUrl.getScheme() == null || !endpointUrl.getScheme().startsWith("http"))) {
            throw new IllegalArgumentException("--endpoint-url '" + endpointUrl + "': expected an http(s) URL such as http://127.0.0.1:5000");
        }
        if (!tags.isEmpty() && findings == null) {
            throw new IllegalArgumentException("--tag goes with --findings FILE: it tags the findings read from the file");
        }
        if ((forensicAccount == null) != (forensicKmsKey == null)) {
            throw new IllegalArgumentException("--forensic-account and --forensic-kms-key go together");
        }
        Optional<ForensicTarget> forensic = forensicAccount == null ? Optional.empty() : Optional.of(new ForensicTarget(forensicAccount, forensicKmsKey));
        Optional<Webhook> webhook = Optional.ofNullable(webhookUrl).map(u -> new Webhook(u,
                Optional.ofNullable(System.getenv("VIGIL_WEBHOOK_TOKEN")).filter(t -> !t.isBlank())));
        Optional<io.vigil.responders.evidence.LogLocation> holdLogs = Optional.ofNullable(legalHoldLogs).map(u -> {
            try {
                return io.vigil.responders.evidence.LogLocation.parse(u);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--legal-hold-logs " + e.getMessage(), e);
            }
        });
        ResponderOptions options = new ResponderOptions(execute, Optional.ofNullable(endpointUrl), Optional.ofNullable(region), Optional.ofNullable(playbooks),
                forensic, webhook, holdLogs);
        return findings != null ? once(options) : service(options);
    }

    private int once(ResponderOptions options) throws Exception {
        List<String> lines = Files.readAllLines(findings, StandardCharsets.UTF_8);
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka); Responder responder = Responder.create(options)) {
            TopicSetup.ensure(runtime.clientProps());
            var serde = new AvroSerde<>(ResponseAction.class, runtime.wire());
            int bad = 0;
            int handled = 0;
            try (var ledger = new KafkaProducer<>(runtime.clientProps(), new StringSerializer(), serde.serializer())) {
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    Finding f;
                    try {
                        f = FindingJson.fromJson(lines.get(i));
                    } catch (IllegalArgumentException e) {
                        bad++;
                        System.err.printf("%s line %d: skipped, not a finding: %s%n", findings, i + 1, e.getMessage());
                        continue;
                    }
                    handled++;
                    if (!tags.isEmpty()) {
                        f.setTags(java.util.stream.Stream.concat(f.getTags().stream(), tags.stream()).distinct().toList());
                    }
                    for (ResponseAction a : responder.handle(f)) {
                        ledger.send(new ProducerRecord<>(Topics.RESPONSE_ACTIONS.name(), Topics.actionKey(a), a));
                        System.out.printf("action %s%s %s -> %s: %s%n", a.getStatus(), a.getDryRun() ? " (dry run)" : "",
                                a.getActionType(), a.getTarget(), a.getPlan());
                    }
                }
            }
            System.out.printf("respond: %d findings handled, %d lines skipped%s%n", handled, bad, execute ? "" : " (dry run: nothing changed)");
            return 0;
        }
    }

    private int service(ResponderOptions options) throws Exception {
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka); Responder responder = Responder.create(options);
             MetricsServer metrics = MetricsServer.start(metricsOptions.bind(), metricsOptions.portOr(9403))) {
            TopicSetup.ensure(runtime.clientProps());
            AtomicBoolean stop = new AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true), "vigil-respond-shutdown"));
            System.out.println("vigil respond: consuming findings" + (execute ? " and approvals" : " (dry run)") + "; Ctrl-C to stop");
            ResponderMetrics counters = new ResponderMetrics(metrics.registry());
            Thread approvals = null;
            if (execute) {
                // approved actions (playbook steps with requires_approval, restores) are carried out beside the findings loop
                approvals = new Thread(() -> new ApprovalLoop(runtime.clientProps(), runtime.wire(), responder, counters).runUntil(stop::get),
                        "vigil-respond-approvals");
                approvals.setDaemon(true);
                approvals.start();
            }
            ResponderLoop loop = new ResponderLoop(runtime.clientProps(), runtime.wire(), responder, counters);
            ConsumerLag.bind(metrics.registry(), ResponderLoop.GROUP, List.of(Topics.FINDINGS.name()), loop::consumerMetrics);
            loop.runUntil(stop::get);
            if (approvals != null) {
                approvals.join(java.time.Duration.ofSeconds(30).toMillis());
            }
            return 0;
        }
    }
}
