package io.vigil.streams.siem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of one CEF line as a SIEM's parser sees it: seven header fields split at unescaped
 * pipes, then {@code key=value} pairs where a key starts after a space and ends at an unescaped equals
 * sign. Used to prove that whatever a finding contains, the line parses back to exactly what was meant.
 */
record CefLine(List<String> header, Map<String, String> extension) {

    static CefLine parse(String line) {
        List<String> header = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (header.size() < 7) {
            char c = line.charAt(i++);
            if (c == '\\') {
                field.append(line.charAt(i++));
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        return new CefLine(header, extension(line.substring(i)));
    }

    private static Map<String, String> extension(String ext) {
        List<int[]> keys = new ArrayList<>();
        for (int i = 0; i < ext.length(); i++) {
            if (ext.charAt(i) == '=' && !escaped(ext, i)) {
                int start = ext.lastIndexOf(' ', i) + 1;
                keys.add(new int[] {start, i});
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            int[] key = keys.get(k);
            int end = k + 1 < keys.size() ? keys.get(k + 1)[0] - 1 : ext.length();
            out.put(ext.substring(key[0], key[1]), unescape(ext.substring(key[1] + 1, end)));
        }
        return out;
    }

    private static boolean escaped(String s, int i) {
        int backslashes = 0;
        while (i - backslashes - 1 >= 0 && s.charAt(i - backslashes - 1) == '\\') {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String unescape(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(++i);
                b.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
