package io.vigil.reports.render.chromium;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium} run headless on a file, the way a person's browser would open a report:
 * a screenshot, the DOM after the page loaded, and every console message (a Content-Security-Policy
 * violation, a script error, a blocked load) that the page caused. Found on the PATH, or at
 * {@code VIGIL_CHROMIUM}; tests skip where there is none.
 */
public final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 120;

    /** What one run printed: its standard output and the console messages among its log lines. */
    public record Run(String stdout, List<String> console, String log) {}

    private final Path binary;
    private final Path profile;

    private HeadlessChromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** The browser, with a throw-away profile under {@code work}; empty where none is installed. */
    public static Optional<HeadlessChromium> find(Path work) {
        Stream<Path> configured = Optional.ofNullable(System.getenv("VIGIL_CHROMIUM")).map(Path::of).stream();
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isEmpty())
                .flatMap(d -> Stream.of("chromium", "chromium-browser").map(n -> Path.of(d, n)));
        return Stream.concat(configured, onPath).filter(Files::isExecutable).findFirst()
                .map(b -> new HeadlessChromium(b, work.resolve("chromium-profile")));
    }

    /** Opens {@code page} in a window of the given size and writes what it shows to {@code png}. */
    public Run screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        return run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars");
    }

    /** Opens {@code page} and prints its DOM once loaded. */
    public Run dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    private Run run(Path page, String... mode) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile.toAbsolutePath(),
                "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(mode));
        cmd.add(page.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + p.exitValue() + ": " + log);
        }
        // console messages are logged as "[pid:tid:time:LEVEL:CONSOLE:line] "message", source: url (line)"
        List<String> console = log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        return new Run(Files.readString(out, StandardCharsets.UTF_8), console, log);
    }
}
