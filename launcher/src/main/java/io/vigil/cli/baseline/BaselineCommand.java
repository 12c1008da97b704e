package io.vigil.cli.baseline;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil baseline}: what the streams app has learned as normal, and the people's word on it. */
@Command(name = "baseline", mixinStandardHelpOptions = true, description = "Baselines: show what the streams app learned as normal; approve a resource's configuration as its baseline.",
        subcommands = {BaselineShowCommand.class, BaselineApproveCommand.class})
public final class BaselineCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
