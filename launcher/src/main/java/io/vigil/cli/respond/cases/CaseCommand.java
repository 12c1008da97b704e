package io.vigil.cli.respond.cases;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil case}: what the responders did about one finding, from the topics. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Cases: show a case's timeline (findings, actions, approvals, chain of custody).",
        subcommands = {CaseShowCommand.class})
public final class CaseCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
