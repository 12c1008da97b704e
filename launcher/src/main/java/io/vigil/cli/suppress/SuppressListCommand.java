package io.vigil.cli.suppress;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.schemas.Suppression;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code vigil suppress list}: the suppressions on the topic, expired ones included (they say until when). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the suppressions on the suppressions topic, with who set them and why.")
public final class SuppressListCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            Map<String, Suppression> current = SuppressionLog.current(runtime);
            if (current.isEmpty()) {
                spec.commandLine().getOut().println("no suppressions");
            }
            current.values().forEach(s -> spec.commandLine().getOut().println(describe(s)));
        }
        return 0;
    }

    /** One line; the texts are the operators' own, shown without control characters. */
    static String describe(Suppression s) {
        String scope = (s.getEntity() != null ? " entity " + s.getEntity() : "") + (s.getCidr() != null ? " in " + s.getCidr() : "");
        return (s.getId() + ": " + s.getDetector() + (scope.isEmpty() ? " everywhere" : scope)
                + (s.getExpiresAt() == null ? ", no expiry" : ", until " + s.getExpiresAt()) + ", by " + s.getCreatedBy() + " at " + s.getCreatedAt()
                + ": " + s.getReason()).replaceAll("\\p{Cntrl}", "?");
    }
}
