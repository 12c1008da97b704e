package io.vigil.responders;

import io.vigil.schemas.wire.AvroTrust;

import io.vigil.responders.aws.AwsClients;
import io.vigil.responders.playbook.Playbook;
import io.vigil.responders.playbook.PlaybookCatalog;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Approval;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.responders.ledger.FourEyes;
import io.vigil.responders.ledger.Ledger;
import io.vigil.responders.notify.Webhook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Answers findings with the playbooks that match them: plans every step (dry run, the default) or
 * carries it out ({@link ResponderOptions#execute()}), and returns the ledger entries for
 * {@code response.actions}.
 */
public final class Responder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private final PlaybookCatalog catalog;
    private final ExecutorService steps;
    private final PlaybookRunner runner;
    private final List<SdkAutoCloseable> resources;
    private final boolean execute;

    private Responder(PlaybookCatalog catalog, ResponsePorts ports, boolean execute, List<SdkAutoCloseable> resources) {
        this.catalog = catalog;
        this.execute = execute;
        this.resources = resources;
        this.steps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vigil-responder-step");
            t.setDaemon(true);
            return t;
        });
        this.runner = new PlaybookRunner(new StepDispatcher(ports), execute, steps, new ExecutedKeys(), Clock.systemUTC());
    }

    /** With the SDK's default credential chain. */
    public static Responder create(ResponderOptions opts) {
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        Responder r = create(opts, credentials);
        r.resources.add(credentials);
        return r;
    }

    /**
     * A dry run that cannot read the cloud (no credentials or region) still plans, from the finding alone;
     * an executing responder refuses to start without them.
     *
     * @throws io.vigil.responders.playbook.PlaybookException when a playbook is invalid
     * @throws IllegalStateException when {@code opts.execute()} and the cloud cannot be reached
     */
    public static Responder create(ResponderOptions opts, AwsCredentialsProvider credentials) {
        AvroTrust.ensure();
        PlaybookCatalog catalog = PlaybookCatalog.load(opts.playbooksDir());
        Optional<String> unusable = AwsClients.unusableBecause(opts.region(), credentials);
        if (unusable.isPresent()) {
            if (opts.execute()) {
                throw new IllegalStateException("executing responses needs AWS credentials and a region: " + unusable.get());
            }
            LOG.info("AWS cannot be read ({}); dry run plans from the findings alone", unusable.get());
            return new Responder(catalog, ResponsePorts.unread(unusable.get()), false, new ArrayList<>());
        }
        AwsClients aws = AwsClients.create(opts.endpointUrl(), opts.region(), credentials);
        ResponsePorts ports = opts.execute() ? ResponsePorts.executing(aws, opts.forensic(), opts.legalHoldLogs())
                : ResponsePorts.dryRun(aws, opts.forensic(), opts.legalHoldLogs());
        if (opts.execute() && opts.webhook().isPresent()) {
            Webhook w = opts.webhook().get();
            ports = ports.withNotifier(new io.vigil.responders.notify.WebhookNotify(
                    java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build(), w.url(), w.bearerToken(),
                    java.time.Duration.ofSeconds(30)));
        }
        return new Responder(catalog, ports, opts.execute(), new ArrayList<>(List.of(aws)));
    }

    /** A responder over given adapters: other clouds, chat notifiers, tests. */
    public static Responder of(PlaybookCatalog catalog, ResponsePorts ports, boolean execute) {
        return new Responder(catalog, ports, execute, new ArrayList<>());
    }

    /** Runs every matching playbook over the finding; one ledger entry per step, in order. */
    public List<ResponseAction> handle(Finding finding) {
        List<ResponseAction> actions = new ArrayList<>();
        for (Playbook p : catalog.matching(finding)) {
            for (ResponseAction a : runner.run(finding, p)) {
                LOG.info("{} {} {} dry_run={} playbook={} step={}: {}{}", a.getActionType(), a.getTarget(), a.getStatus(), a.getDryRun(),
                        a.getPlaybook(), a.getStep(), oneLine(a.getPlan()), a.getError() == null ? "" : " error: " + oneLine(a.getError()));
                actions.add(a);
            }
        }
        return actions;
    }

    /**
     * The way back from a case: one restore request per containment step it executed (security groups and
     * instance profile per instance, keys, user deny policies). Executing, the requests await approval
     * (REQUESTED, four eyes: {@code requestedBy} cannot approve them); in a dry run, each is planned against
     * the cloud as it is now, printing the exact calls. Requests already settled are left out.
     */
    public List<ResponseAction> requestRestore(Ledger ledger, String caseId, String requestedBy) {
        List<ResponseAction> out = new ArrayList<>();
        for (ResponseAction request : Restores.requests(ledger, caseId, requestedBy, java.time.Instant.now())) {
            if (ledger.settled(request.getIdempotencyKey())) {
                continue;
            }
            if (execute) {
                Optional<ResponseAction> earlier = ledger.entry(request.getIdempotencyKey(), io.vigil.schemas.ActionStatus.REQUESTED);
                out.add(earlier.orElse(request));
            } else {
                out.add(runner.carryOut(request, ledger, List.of()));
            }
        }
        return out;
    }

    /** What the case did that no restore puts back, and why. */
    public static List<String> notRestored(Ledger ledger, String caseId) {
        return Restores.notRestored(ledger, caseId);
    }

    /**
     * Carries out every request in the ledger that has a valid approval (four eyes honoured), and records a
     * rejected one as SKIPPED; each result names its approvals and is also recorded in {@code ledger}. A dry-run
     * responder acts on no approval and returns nothing.
     */
    public List<ResponseAction> carryOutApproved(Ledger ledger) {
        return carryOutApproved(ledger, r -> true);
    }

    /** {@link #carryOutApproved(Ledger)} for the requests {@code which} selects (e.g. one case's). */
    public List<ResponseAction> carryOutApproved(Ledger ledger, java.util.function.Predicate<ResponseAction> which) {
        if (!execute) {
            return List.of();
        }
        List<ResponseAction> out = new ArrayList<>();
        for (ResponseAction request : ledger.awaitingApproval()) {
            if (!which.test(request)) {
                continue;
            }
            FourEyes.Verdict verdict = FourEyes.decide(request, ledger.approvals(request.getIdempotencyKey()));
            verdict.refused().forEach(why -> LOG.warn("approval of {} not counted: {}", request.getIdempotencyKey(), why));
            if (verdict.decision().isEmpty()) {
                continue;
            }
            List<Approval> approvals = ledger.approvals(request.getIdempotencyKey()).stream()
                    .filter(a -> FourEyes.whyNot(request, a.getApprover()).isEmpty())
                    .map(a -> new Approval(a.getApprover(), a.getDecision().name().toLowerCase(java.util.Locale.ROOT), a.getAt(), a.getComment()))
                    .toList();
            ResponseAction result;
            if (verdict.rejected()) {
                ResponseApproval r = verdict.decision().get();
                result = ResponseAction.newBuilder(request).setId(request.getIdempotencyKey() + "/skipped")
                        .setStatus(io.vigil.schemas.ActionStatus.SKIPPED).setCompletedAt(java.time.Instant.now())
                        .setPlan("rejected by " + r.getApprover() + (r.getComment() == null ? "" : ": " + r.getComment()))
                        .setApprovals(approvals).build();
            } else {
                result = runner.carryOut(request, ledger, approvals);
            }
            LOG.info("approved request {} {} {}: {}", request.getActionType(), request.getTarget(), result.getStatus(), oneLine(result.getPlan()));
            ledger.record(result);
            out.add(result);
        }
        return out;
    }

    /**
     * Takes in what the ledger says was already done, e.g. at start-up: steps executed by an earlier process
     * are not repeated for a redelivered finding, even when the cloud no longer shows them (a restored
     * instance is not contained again), and they count against the playbooks' blast-radius limits.
     */
    public void remember(Ledger ledger) {
        runner.remember(ledger);
    }

    public boolean executing() {
        return execute;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    @Override
    public void close() {
        steps.shutdownNow();
        resources.forEach(SdkAutoCloseable::close);
    }
}
