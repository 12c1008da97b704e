package io.vigil.cli.respond;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.responders.kafka.LedgerReader;
import io.vigil.responders.ledger.FourEyes;
import io.vigil.responders.ledger.Ledger;
import io.vigil.schemas.ApprovalDecision;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approves (or with --reject, rejects) a response action awaiting approval: a",
                "restore, or a playbook step with requires_approval. Records who decided on",
                "response.approvals; the running 'vigil respond' service (or, for a restore,",
                "'vigil restore CASE --execute') then carries it out and records the approval",
                "in the ledger. Four eyes: whoever requested the action, or configured a",
                "four_eyes playbook, cannot decide on it. Without ACTION, lists the actions",
                "awaiting approval."})
public final class ApproveCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "The action's idempotency key, or its first 8 or more characters.")
    String action;

    @Option(names = "--by", paramLabel = "NAME", description = "Who approves (required to decide).")
    String by;

    @Option(names = "--reject", description = "Reject instead: the action is recorded as SKIPPED and never carried out.")
    boolean reject;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why, e.g. a ticket.")
    String comment;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            Ledger ledger = LedgerReader.read(runtime.clientProps(), runtime.wire());
            if (action == null) {
                List<ResponseAction> waiting = ledger.awaitingApproval();
                System.out.printf("%d action(s) await approval%n", waiting.size());
                waiting.forEach(a -> System.out.printf("%s  %s %s -> %s  case %s  requested by %s%s%n", a.getIdempotencyKey(), a.getPlaybook() + "/" + a.getStep(),
                        a.getActionType(), a.getTarget(), a.getDetails().get("case_id"), a.getDetails().getOrDefault(FourEyes.REQUESTED_BY, "?"),
                        "true".equals(a.getDetails().get(FourEyes.FOUR_EYES)) ? " (four eyes)" : ""));
                return 0;
            }
            if (by == null || by.isBlank()) {
                throw new IllegalArgumentException("--by NAME is required: an approval records who approved");
            }
            ResponseAction request = ledger.request(action).orElseThrow(() -> new IllegalArgumentException("action " + action
                    + ": no single request with this key (or key prefix of 8+ characters) on response.actions; 'vigil approve' lists them"));
            if (ledger.settled(request.getIdempotencyKey())) {
                throw new IllegalArgumentException("action " + request.getIdempotencyKey() + " is already settled; nothing to approve");
            }
            Optional<String> refused = FourEyes.whyNot(request, by);
            if (refused.isPresent()) {
                throw new IllegalArgumentException(refused.get());
            }
            ResponseApproval approval = ResponseApproval.newBuilder().setActionKey(request.getIdempotencyKey())
                    .setCaseId(request.getDetails().getOrDefault("case_id", "")).setApprover(by)
                    .setDecision(reject ? ApprovalDecision.REJECTED : ApprovalDecision.APPROVED).setAt(Instant.now()).setComment(comment).build();
            try (LedgerWriter out = new LedgerWriter(runtime)) {
                out.write(approval);
            }
            System.out.printf("%s %s %s -> %s by %s (case %s)%n", reject ? "rejected" : "approved", request.getActionType(), request.getIdempotencyKey(),
                    request.getTarget(), by, approval.getCaseId());
            if (!reject) {
                System.out.println("carried out by the running 'vigil respond' service"
                        + (request.getActionType().endsWith(".restore") || request.getActionType().equals("config.revert") ? ", or now with: vigil restore " + approval.getCaseId() + " --execute" : ""));
            }
            return 0;
        }
    }
}
