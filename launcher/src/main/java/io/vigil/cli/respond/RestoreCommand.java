package io.vigil.cli.respond;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.responders.Responder;
import io.vigil.responders.ResponderOptions;
import io.vigil.responders.kafka.LedgerReader;
import io.vigil.responders.ledger.Ledger;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ResponseAction;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Lifts a case's containment: puts back the security groups, instance profile",
                "and termination protection of each instance it isolated, reactivates the",
                "keys it deactivated and lifts the deny policies it attached (from what the",
                "ledger recorded), and undoes the drift reverts it carried out. Session",
                "revocations stay. Dry run (prints the exact calls, changes nothing) unless",
                "--execute; with --execute each restore is requested and waits for a",
                "four-eyes approval (vigil approve ACTION --by someone else), then is carried",
                "out by the running 'vigil respond' service or by running this command again,",
                "which also carries out the case's other approved requests (a drift revert)."})
public final class RestoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case id, e.g. case-1a2b3c4d5e6f7a8b (tags vigil:case, ledger details case_id).")
    String caseId;

    @Option(names = "--by", paramLabel = "NAME", description = "Who requests the restore; they cannot also approve it (default: the user running the command).")
    String by;

    @Option(names = "--execute", description = "Request the restores and carry out those already approved. Without it, a dry run.")
    boolean execute;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send AWS API calls to this endpoint (e.g. a local emulator).")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the SDK's region chain).")
    String region;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        String requester = by != null ? by : System.getProperty("user.name", "unknown");
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            Ledger ledger = LedgerReader.read(runtime.clientProps(), runtime.wire());
            if (ledger.caseEntries(caseId).isEmpty()) {
                throw new IllegalArgumentException("case " + caseId + ": no entry on response.actions has this case_id");
            }
            ResponderOptions options = new ResponderOptions(execute, Optional.ofNullable(endpointUrl), Optional.ofNullable(region), Optional.empty());
            List<ResponseAction> written = new ArrayList<>();
            try (Responder responder = Responder.create(options); LedgerWriter out = new LedgerWriter(runtime)) {
                List<ResponseAction> requests = responder.requestRestore(ledger, caseId, requester);
                for (ResponseAction r : requests) {
                    out.write(r);
                    ledger.record(r);
                    written.add(r);
                }
                if (execute) {
                    for (ResponseAction r : responder.carryOutApproved(ledger, a -> caseId.equals(a.getDetails().get("case_id")))) {
                        out.write(r);
                        written.add(r);
                    }
                }
            }
            if (written.isEmpty()) {
                System.out.println("restore " + caseId + ": nothing to restore (no containment executed, or every restore already settled)");
            }
            for (ResponseAction a : written) {
                System.out.printf("restore %s%s %s -> %s: %s%n    action %s%s%n", a.getStatus(), a.getDryRun() ? " (dry run)" : "", a.getActionType(),
                        a.getTarget(), a.getPlan(), a.getIdempotencyKey(), a.getError() == null ? "" : "; error: " + a.getError());
            }
            Responder.notRestored(ledger, caseId).forEach(n -> System.out.println("not restored: " + n));
            long waiting = ledger.awaitingApproval().stream().filter(a -> caseId.equals(a.getDetails().get("case_id"))).count();
            if (execute && waiting > 0) {
                System.out.printf("%d restore(s) await approval: vigil approve ACTION --by NAME (someone other than %s)%n", waiting, requester);
            }
            return written.stream().anyMatch(a -> a.getStatus() == ActionStatus.FAILED) ? 1 : 0;
        }
    }
}
