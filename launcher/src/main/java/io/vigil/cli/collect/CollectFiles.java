package io.vigil.cli.collect;

import io.vigil.collectors.file.FileCollector;
import io.vigil.collectors.source.file.FolderSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "files", mixinStandardHelpOptions = true,
        description = {"Files and folders (recursive, any supported format, plain or gzip, detected from content) as they land.",
                "A file is read once unchanged for --settle; a file that grows is read on from where it stopped."})
final class CollectFiles implements Callable<Integer> {
    @Mixin
    CollectorOptions options;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH", description = "Files or folders (recursive), plain or gzip.")
    List<Path> inputs;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "PT5S",
            description = "How long a file must be unmodified before it is read, ISO-8601 (default: ${DEFAULT-VALUE}; 0 with --once).")
    Duration settle;

    @Override
    public Integer call() throws Exception {
        FileCollector.expand(inputs); // a missing input is named before anything starts
        if (settle.isNegative()) {
            throw new IllegalArgumentException("--settle " + settle + ": expected a duration >= 0 such as PT5S");
        }
        return CollectorService.run(new FolderSource(inputs, options.once ? Duration.ZERO : settle, Clock.systemUTC()), options);
    }
}
