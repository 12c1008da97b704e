package io.vigil.reports.render;

import io.vigil.reports.incident.CaseInput;
import io.vigil.reports.render.escape.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes one case's incident report into a directory: case-ID.html, case-ID.md and a CSV per table, escaped like the period report. */
public final class CaseWriter {
    private CaseWriter() {}

    /** File name to content, HTML first. */
    public static Map<String, String> render(CaseInput c) {
        String base = "incident-" + c.caseId();
        List<Section> sections = CaseTables.sections(c);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(base + ".html", HtmlPage.page(CaseTables.title(c), CaseTables.intro(c), CaseTables.overview(c), null, sections));
        files.put(base + ".md", MarkdownPage.page(CaseTables.title(c), CaseTables.intro(c), CaseTables.overview(c), sections));
        for (Section s : sections) {
            for (Table t : s.tables()) {
                StringBuilder csv = new StringBuilder(Csv.row(t.headers()));
                t.rows().forEach(r -> csv.append(Csv.row(r)));
                files.put(base + "-" + s.id() + ".csv", csv.toString());
            }
        }
        return files;
    }

    /** @return the files written, HTML first */
    public static List<Path> write(CaseInput c, Path outDir) {
        try {
            Files.createDirectories(outDir);
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, String> f : render(c).entrySet()) {
                written.add(Files.writeString(outDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8));
            }
            return List.copyOf(written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the incident report into " + outDir, e);
        }
    }
}
