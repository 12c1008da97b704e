package io.vigil.streams.detect.sigma;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The third-party samples in {@code ../shared/data/public}, read in place (never copied into the repo). */
final class SharedData {
    private SharedData() {}

    /** The folder, or the test is skipped where the shared data is absent. */
    static Path folder(String name) {
        String configured = System.getProperty("vigil.shared.dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("../../shared");
        Path folder = shared.resolve("data/public").resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(folder), "shared data absent: " + folder);
        return folder;
    }
}
