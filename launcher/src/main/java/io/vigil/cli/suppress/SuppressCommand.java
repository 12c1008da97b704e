package io.vigil.cli.suppress;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil suppress}: the findings people decided are expected, on the compacted {@code suppressions} topic. */
@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = "Suppressions: findings people decided are expected (a scanner, a migration). add one, list them, lift one.",
        subcommands = {SuppressAddCommand.class, SuppressListCommand.class, SuppressLiftCommand.class})
public final class SuppressCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
