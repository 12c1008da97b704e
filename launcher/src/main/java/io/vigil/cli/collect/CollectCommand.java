package io.vigil.cli.collect;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
        subcommands = {CollectFiles.class, CollectS3.class, CollectSqs.class, CollectCloudWatch.class},
        description = {"Runs a collector as a long-running service: reads a source, publishes what it reads into the input topics",
                "(bad records go to the .dlq topics) and commits its progress with the records, in Kafka transactions, so that a",
                "collector restarted after a crash neither skips nor repeats input (for read_committed consumers, as the streams app is)."})
public final class CollectCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a source: files, s3, sqs or cloudwatch (see vigil collect --help)");
    }
}
