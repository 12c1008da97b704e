package io.vigil.reports.render.escape;

/**
 * Escapes text for inline Markdown, including GitHub-flavoured table cells. Angle brackets and
 * ampersands become entities rather than backslash escapes so that no renderer, strict or lax, can
 * see an HTML tag or an autolink in a value; line breaks become {@code <br>} so a value cannot end
 * a table row.
 */
public final class Markdown {
    private static final String BACKSLASHED = "\\`*_[]|~";

    private Markdown() {}

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (BACKSLASHED.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '\r') {
                out.append("<br>");
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                out.append("<br>");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
