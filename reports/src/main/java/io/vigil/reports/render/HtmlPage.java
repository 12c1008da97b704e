package io.vigil.reports.render;

import io.vigil.reports.analysis.Report;
import io.vigil.reports.render.escape.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no external URL. Its
 * Content-Security-Policy forbids scripts and admits only this page's own stylesheet (by hash), so even
 * an escaping mistake could not run code or load anything when the page is opened.
 */
public final class HtmlPage {
    private static final String CSS = stylesheet();
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
            + "form-action 'none'; style-src '" + sha256(CSS) + "'";

    private HtmlPage() {}

    public static String render(Report r) {
        String charts = "<section id=\"charts\"><h2>Over time</h2>\n<figure>" + SvgCharts.bySeverity(r.timeline()) + "</figure>\n<figure>"
                + SvgCharts.byDetector(r.timeline()) + "</figure>\n</section>\n";
        return page("Vigil report", "Findings with event time from " + r.range().describe() + ". Generated at " + Text.time(r.generatedAt()) + ".",
                PageTables.overview(r), Map.entry("Over time", charts), PageTables.sections(r));
    }

    /**
     * A page: title and introduction (text, escaped here), the overview cards, an optional block of this
     * package's own markup under its nav label (the charts; never data that was not escaped), and the sections.
     */
    static String page(String title, String intro, List<Map.Entry<String, String>> overview, Map.Entry<String, String> ownMarkup,
                       List<Section> sections) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(Html.escape(title)).append("</h1><p>").append(Html.escape(intro)).append("</p></header>\n");
        h.append("<nav><a href=\"#overview\">Overview</a>");
        if (ownMarkup != null) {
            h.append("<a href=\"#charts\">").append(Html.escape(ownMarkup.getKey())).append("</a>");
        }
        sections.forEach(s -> h.append("<a href=\"#").append(s.id()).append("\">").append(Html.escape(s.title())).append("</a>"));
        h.append("</nav>\n<section id=\"overview\"><h2>Overview</h2><dl class=\"cards\">\n");
        for (Map.Entry<String, String> e : overview) {
            h.append("<div><dt>").append(Html.escape(e.getKey())).append("</dt><dd>").append(Html.escape(e.getValue())).append("</dd></div>\n");
        }
        h.append("</dl></section>\n");
        if (ownMarkup != null) {
            h.append(ownMarkup.getValue());
        }
        sections.forEach(s -> section(h, s));
        return h.append("</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder h, Section s) {
        h.append("<section id=\"").append(s.id()).append("\"><h2>").append(Html.escape(s.title())).append("</h2>\n");
        s.tables().forEach(t -> table(h, t));
        h.append("</section>\n");
    }

    private static void table(StringBuilder h, Table t) {
        if (t.rows().isEmpty()) {
            h.append("<h3>").append(Html.escape(t.title())).append("</h3><p class=\"empty\">None.</p>\n");
            return;
        }
        h.append("<div class=\"scroll\"><table><caption>").append(Html.escape(t.title())).append("</caption>\n<thead><tr>");
        t.headers().forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(Html.escape(c)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
        if (!t.note().isEmpty()) {
            h.append("<p class=\"note\">").append(Html.escape(t.note())).append("</p>\n");
        }
    }

    private static String stylesheet() {
        try (InputStream in = HtmlPage.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
