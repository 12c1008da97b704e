package io.vigil.reports.render;

import io.vigil.reports.analysis.Report;
import io.vigil.reports.render.escape.Markdown;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as GitHub-flavoured Markdown: the same tables as the HTML page, without the charts. */
public final class MarkdownPage {
    private MarkdownPage() {}

    public static String render(Report r) {
        StringBuilder md = new StringBuilder(32 * 1024);
        md.append("# Vigil report\n\nFindings with event time from ").append(Markdown.escape(r.range().describe()))
                .append(". Generated at ").append(Markdown.escape(Text.time(r.generatedAt()))).append(".\n\n## Overview\n\n");
        for (Map.Entry<String, String> e : PageTables.overview(r)) {
            md.append("- ").append(Markdown.escape(e.getKey())).append(": **").append(Markdown.escape(e.getValue())).append("**\n");
        }
        for (Section s : PageTables.sections(r)) {
            md.append("\n## ").append(Markdown.escape(s.title())).append('\n');
            s.tables().forEach(t -> table(md, t));
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Table t) {
        md.append("\n### ").append(Markdown.escape(t.title())).append("\n\n");
        if (t.rows().isEmpty()) {
            md.append("None.\n");
            return;
        }
        md.append(row(t.headers())).append('|').append(" --- |".repeat(t.headers().size())).append('\n');
        t.rows().forEach(r -> md.append(row(r)));
        if (!t.note().isEmpty()) {
            md.append("\n_").append(Markdown.escape(t.note())).append("_\n");
        }
    }

    private static String row(List<String> cells) {
        return cells.stream().map(Markdown::escape).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
