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
        return page("Vigil report", "Findings with event time from " + r.range().describe() + ". Generated at " + Text.time(r.generatedAt()) + ".",
                PageTables.overview(r), PageTables.sections(r));
    }

    /** A page: title, introduction, the overview as a list, and the sections' tables; every text escaped. */
    static String page(String title, String intro, List<Map.Entry<String, String>> overview, List<Section> sections) {
        StringBuilder md = new StringBuilder(32 * 1024);
        md.append("# ").append(Markdown.escape(title)).append("\n\n").append(Markdown.escape(intro)).append("\n\n## Overview\n\n");
        for (Map.Entry<String, String> e : overview) {
            md.append("- ").append(Markdown.escape(e.getKey())).append(": **").append(Markdown.escape(e.getValue())).append("**\n");
        }
        for (Section s : sections) {
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
