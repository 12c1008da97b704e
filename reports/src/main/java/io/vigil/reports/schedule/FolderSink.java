package io.vigil.reports.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Scheduled reports in a folder: {@code DIR/<period>/report.html} and the rest, moved in whole. */
public final class FolderSink implements ReportSink {
    private final Path root;

    public FolderSink(Path root) {
        this.root = root;
    }

    @Override
    public boolean has(String period) {
        return Files.isRegularFile(root.resolve(period).resolve("report.html"));
    }

    @Override
    public List<String> put(String period, List<Path> files) {
        Path dir = root.resolve(period);
        try {
            Files.createDirectories(dir);
            List<String> out = new ArrayList<>();
            // report.html last: its presence is what has() looks for, so a crash mid-way writes the period again
            for (Path f : files.stream().sorted((a, b) -> Boolean.compare(a.endsWith("report.html"), b.endsWith("report.html"))).toList()) {
                Path target = dir.resolve(f.getFileName().toString());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                out.add(target.toString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + period + " report into " + dir, e);
        }
    }
}
