package io.vigil.streams.detect.sigma;

import io.vigil.schemas.Severity;
import io.vigil.streams.detect.sigma.rule.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a finding takes from a rule's metadata: severity from {@code level}, ATT&CK ids from tags, the title as quoted data. */
final class RuleFacts {
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.(t\\d{4}(?:\\.\\d{3})?)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_TITLE = 160;

    private RuleFacts() {}

    static Severity severity(Level level) {
        return switch (level) {
            case INFORMATIONAL -> Severity.INFO;
            case LOW -> Severity.LOW;
            case MEDIUM -> Severity.MEDIUM;
            case HIGH -> Severity.HIGH;
            case CRITICAL -> Severity.CRITICAL;
        };
    }

    /** {@code attack.t1078.004} -> {@code T1078.004}; tactic tags ({@code attack.persistence}) are not techniques. */
    static List<String> techniques(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            Matcher m = TECHNIQUE.matcher(tag.trim());
            if (m.matches() && !out.contains(m.group(1).toUpperCase(Locale.ROOT))) {
                out.add(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * A rule title as data inside a sentence: rules also come from a topic anyone with write access can
     * fill, so control characters (line breaks that would forge log lines or CEF fields) are replaced,
     * quotes escaped and the length bounded. Renderers escape again for their own formats.
     */
    static String quoted(String title) {
        StringBuilder out = new StringBuilder("\"");
        String t = title == null ? "" : title;
        for (int i = 0; i < t.length() && i < MAX_TITLE; i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        if (t.length() > MAX_TITLE) {
            out.append('…');
        }
        return out.append('"').toString();
    }
}
