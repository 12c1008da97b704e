package io.vigil.reports.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How often scheduled reports are written, and which periods they cover: whole UTC days, or ISO weeks
 * (Monday 00:00 UTC to the next Monday). A period's name is its folder: {@code 2024-08-18}, {@code 2024-W33}.
 */
public enum Period {
    DAILY, WEEKLY;

    /** One period: its name and its range [start, end). */
    public record Span(String name, Instant start, Instant end) {}

    /** "daily" or "weekly", as the command line spells it. */
    public static Period parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "daily" -> DAILY;
            case "weekly" -> WEEKLY;
            default -> throw new IllegalArgumentException("--schedule '" + s + "': expected daily or weekly");
        };
    }

    /** The period that contains {@code t}. */
    public Span containing(Instant t) {
        LocalDate day = t.atOffset(ZoneOffset.UTC).toLocalDate();
        if (this == DAILY) {
            Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            return new Span(day.toString(), start, start.plus(Duration.ofDays(1)));
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant start = monday.atStartOfDay().toInstant(ZoneOffset.UTC);
        String name = String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Span(name, start, start.plus(Duration.ofDays(7)));
    }

    /** The last period that had closed by {@code t} (its end at or before t). */
    public Span lastClosed(Instant t) {
        return containing(containing(t).start().minusMillis(1));
    }
}
