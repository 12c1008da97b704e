package io.vigil.cli;

import io.vigil.schemas.wire.AvroTrust;

import io.vigil.cli.baseline.BaselineCommand;
import io.vigil.cli.bench.BenchCommand;
import io.vigil.cli.demo.DemoCommand;
import io.vigil.cli.hunt.HuntCommand;
import io.vigil.cli.replay.ReplayCommand;
import io.vigil.cli.respond.ApproveCommand;
import io.vigil.cli.respond.RestoreCommand;
import io.vigil.cli.collect.CollectCommand;
import io.vigil.cli.security.AclsCommand;
import io.vigil.cli.service.ReportCmd;
import io.vigil.cli.service.RespondCommand;
import io.vigil.cli.service.StreamsCommand;
import io.vigil.cli.simulate.SimulateCommand;
import java.nio.file.NoSuchFileException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command: one launcher for the services and the batch tools. */
@Command(name = "vigil", mixinStandardHelpOptions = true, version = "vigil 0.1.0",
        description = "Learns what normal looks like in a cloud estate and acts when something departs from it.",
        subcommands = {DemoCommand.class, ReplayCommand.class, CollectCommand.class, StreamsCommand.class, RespondCommand.class,
                RestoreCommand.class, ApproveCommand.class, io.vigil.cli.respond.cases.CaseCommand.class, ReportCmd.class, HuntCommand.class, BaselineCommand.class, io.vigil.cli.suppress.SuppressCommand.class, SimulateCommand.class, BenchCommand.class, AclsCommand.class, CommandLine.HelpCommand.class})
public final class Vigil implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        AvroTrust.ensure();
        CommandLine cli = new CommandLine(new Vigil());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof NoSuchFileException nsf) {
                message = "no such file or folder: " + nsf.getFile();
            } else if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
                message = "bad configuration: " + message;
            }
            cmd.getErr().println("vigil " + cmd.getCommandName() + ": error: " + message);
            org.slf4j.LoggerFactory.getLogger(Vigil.class).debug("failure", e);
            return e instanceof NoSuchFileException || e instanceof ConfigException || e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
