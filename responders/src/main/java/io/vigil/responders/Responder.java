package io.vigil.responders;

import io.vigil.schemas.wire.AvroTrust;

import io.vigil.responders.aws.AwsClients;
import io.vigil.responders.playbook.Playbook;
import io.vigil.responders.playbook.PlaybookCatalog;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
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

    private Responder(PlaybookCatalog catalog, ResponsePorts ports, boolean execute, List<SdkAutoCloseable> resources) {
        this.catalog = catalog;
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
        ResponsePorts ports = opts.execute() ? ResponsePorts.executing(aws) : ResponsePorts.dryRun(aws);
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

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    @Override
    public void close() {
        steps.shutdownNow();
        resources.forEach(SdkAutoCloseable::close);
    }
}
