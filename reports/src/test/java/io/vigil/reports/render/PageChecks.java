package io.vigil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Structural checks of rendered pages that hold for any report, whatever data went in. */
final class PageChecks {
    /** Every element the HTML page is made of; data must never add one. */
    static final Set<String> HTML_ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav",
            "a", "section", "dl", "div", "dt", "dd", "figure", "svg", "rect", "text", "line", "table", "caption", "thead", "tbody", "tr", "th", "td");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([A-Za-z][A-Za-z0-9-]*)");
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[A-Za-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("(?:src|href|action|xlink:href)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

    private PageChecks() {}

    static void assertOnlyOwnMarkup(String html) {
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            tags.add(m.group(1).toLowerCase());
        }
        assertThat(tags).as("elements in the page").isNotEmpty().allMatch(HTML_ELEMENTS::contains);
        assertThat(EVENT_HANDLER.matcher(html).find()).as("an on* event handler attribute").isFalse();
        Matcher links = LINK.matcher(html);
        while (links.find()) {
            assertThat(links.group(1)).as("links stay inside the page").startsWith("#");
        }
        String css = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        assertThat(css).as("the stylesheet loads nothing").doesNotContain("url(", "@import");
    }

    /** Each inline chart, parsed as XML (which also proves its text is escaped). */
    static List<Document> charts(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        List<Document> out = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            out.add(factory.newDocumentBuilder().parse(new InputSource(new StringReader(m.group()))));
        }
        return out;
    }

    /** Cells of a Markdown table row: pipes preceded by a backslash escape are content, not separators. */
    static int markdownCells(String line) {
        int pipes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes - 1;
    }
}
