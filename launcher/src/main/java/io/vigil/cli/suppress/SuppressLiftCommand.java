package io.vigil.cli.suppress;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil suppress lift ID}: a tombstone for the suppression; findings it covered are written again from then on. */
@Command(name = "lift", mixinStandardHelpOptions = true, description = "Lifts a suppression (a tombstone on the suppressions topic).")
public final class SuppressLiftCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The suppression's id, as vigil suppress list shows it.")
    String id;

    @Mixin
    KafkaOptions kafka;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            if (!SuppressionLog.current(runtime).containsKey(id)) {
                spec.commandLine().getErr().println("vigil suppress lift: no suppression " + id.replaceAll("\\p{Cntrl}", "?") + " (see vigil suppress list)");
                return 2;
            }
            SuppressionLog.write(runtime, id, null);
        }
        spec.commandLine().getOut().println("lifted " + id);
        return 0;
    }
}
