package io.vigil.reports.render;

import io.vigil.reports.analysis.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes every format of a report into a directory: report.html, report.md and the CSV tables. */
public final class ReportWriter {
    private ReportWriter() {}

    /** @return the files written, HTML first */
    public static List<Path> write(Report report, Path outDir) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("report.html", HtmlPage.render(report));
        files.put("report.md", MarkdownPage.render(report));
        files.putAll(CsvFiles.render(report));
        try {
            Files.createDirectories(outDir);
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, String> f : files.entrySet()) {
                written.add(Files.writeString(outDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8));
            }
            return List.copyOf(written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir, e);
        }
    }
}
