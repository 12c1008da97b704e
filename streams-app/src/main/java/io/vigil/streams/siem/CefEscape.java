package io.vigil.streams.siem;

/**
 * ArcSight CEF escaping, which differs between the two parts of a line (CEF implementation standard,
 * "Character encoding"):
 *
 * <ul>
 *   <li>header fields: backslash and pipe are escaped ({@code \\}, {@code \|}); a header cannot hold a
 *       line break, so CR and LF become spaces.</li>
 *   <li>extension values: backslash and equals sign are escaped ({@code \\}, {@code \=}); LF and CR are
 *       written as the two characters {@code \n} and {@code \r}; pipes stay as they are.</li>
 * </ul>
 *
 * <p>In both, other control characters become spaces: CEF has no escape for them and a syslog relay may
 * cut the record at them. Values are cut to a length (in code points, before escaping, so an escape
 * sequence is never split) because ArcSight truncates longer fields anyway.
 */
final class CefEscape {
    private CefEscape() {}

    static String header(String s, int max) {
        StringBuilder b = new StringBuilder();
        truncate(s, max).codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '|' -> b.append("\\|");
                default -> b.appendCodePoint(isBreaking(c) ? ' ' : c);
            }
        });
        return b.toString();
    }

    static String value(String s, int max) {
        StringBuilder b = new StringBuilder();
        truncate(s, max).codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '=' -> b.append("\\=");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.appendCodePoint(isBreaking(c) ? ' ' : c);
            }
        });
        return b.toString();
    }

    /** Control characters (tab aside) and the Unicode line and paragraph separators. */
    private static boolean isBreaking(int c) {
        return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029';
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }
}
