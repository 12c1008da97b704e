package io.vigil.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodTest {
    private static final Instant SUNDAY_NOON = Instant.parse("2024-08-18T12:00:00Z");

    @Test
    void daysAndIsoWeeksInUtc() {
        assertThat(Period.DAILY.containing(SUNDAY_NOON)).isEqualTo(new Period.Span("2024-08-18", Instant.parse("2024-08-18T00:00:00Z"),
                Instant.parse("2024-08-19T00:00:00Z")));
        assertThat(Period.WEEKLY.containing(SUNDAY_NOON)).isEqualTo(new Period.Span("2024-W33", Instant.parse("2024-08-12T00:00:00Z"),
                Instant.parse("2024-08-19T00:00:00Z")));
        assertThat(Period.WEEKLY.containing(Instant.parse("2024-12-30T01:00:00Z")).name()).as("ISO week-based year").isEqualTo("2025-W01");
    }

    @Test
    void theLastClosedPeriodEndsAtOrBeforeTheTime() {
        assertThat(Period.DAILY.lastClosed(SUNDAY_NOON).name()).isEqualTo("2024-08-17");
        assertThat(Period.DAILY.lastClosed(Instant.parse("2024-08-19T00:00:00Z")).name()).isEqualTo("2024-08-18");
        assertThat(Period.WEEKLY.lastClosed(SUNDAY_NOON).name()).isEqualTo("2024-W32");
    }

    @Test
    void onlyDailyAndWeeklyAreSchedules() {
        assertThat(Period.parse("Weekly")).isEqualTo(Period.WEEKLY);
        assertThatThrownBy(() -> Period.parse("hourly")).hasMessage("--schedule 'hourly': expected daily or weekly");
    }
}
