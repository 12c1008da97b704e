package io.vigil.reports.render.escape;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV with formula injection neutralised: spreadsheets execute a cell that starts with
 * {@code = + - @}, a tab or a carriage return, so such a cell gets a leading single quote.
 */
public final class Csv {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {}

    public static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String v = FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /** One record, terminated by CRLF as RFC 4180 asks. */
    public static String row(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }
}
