package io.vigil.reports.render;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How values read in every format: durations for people, seconds for spreadsheets, maps as key=value lists. */
final class Text {
    static final String NONE = "—";

    private Text() {}

    static String duration(Duration d) {
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return BigDecimal.valueOf(ms / 100, 1).stripTrailingZeros().toPlainString() + " s";
        }
        if (ms < 3_600_000) {
            return pair(d.toMinutes(), "m", d.toSecondsPart(), "s");
        }
        if (ms < 86_400_000) {
            return pair(d.toHours(), "h", d.toMinutesPart(), "m");
        }
        return pair(d.toDays(), "d", d.toHoursPart(), "h");
    }

    /** "4m 05s", or "30m" when the smaller unit is zero. */
    private static String pair(long big, String bigUnit, int small, String smallUnit) {
        return small == 0 ? big + bigUnit : String.format(Locale.ROOT, "%d%s %02d%s", big, bigUnit, small, smallUnit);
    }

    static String duration(Optional<Duration> d) {
        return d.map(Text::duration).orElse(NONE);
    }

    /** Seconds with millisecond precision, for CSV. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).toPlainString();
    }

    static String time(Instant t) {
        return t == null ? NONE : t.toString();
    }

    /** Sorted by key, so that the same finding always reads the same. */
    static String entries(Map<String, String> map) {
        return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
