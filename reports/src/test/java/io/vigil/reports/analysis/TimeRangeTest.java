package io.vigil.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
    private static final Instant FROM = Instant.parse("2024-08-18T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-08-19T00:00:00Z");

    @Test
    void isHalfOpen() {
        TimeRange day = new TimeRange(Optional.of(FROM), Optional.of(TO));
        assertThat(day.contains(FROM)).isTrue();
        assertThat(day.contains(TO.minusMillis(1))).isTrue();
        assertThat(day.contains(TO)).isFalse();
        assertThat(day.contains(FROM.minusMillis(1))).isFalse();
    }

    @Test
    void absentBoundsAreUnbounded() {
        assertThat(TimeRange.everything().contains(Instant.EPOCH)).isTrue();
        assertThat(new TimeRange(Optional.of(FROM), Optional.empty()).contains(Instant.MAX)).isTrue();
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThatThrownBy(() -> new TimeRange(Optional.of(TO), Optional.of(FROM))).hasMessageContaining("must be before");
    }
}
