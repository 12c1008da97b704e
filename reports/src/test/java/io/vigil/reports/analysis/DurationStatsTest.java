package io.vigil.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DurationStatsTest {

    @Test
    void percentilesAreNearestRankSoTheyAreAlwaysObservedValues() {
        List<Duration> tenToHundred = LongStream.rangeClosed(1, 10).mapToObj(i -> Duration.ofSeconds(i * 10)).toList();
        DurationStats s = DurationStats.of(tenToHundred);
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.p50()).isEqualTo(Duration.ofSeconds(50));
        assertThat(s.p90()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.max()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void oneValueIsEveryPercentile() {
        DurationStats s = DurationStats.of(List.of(Duration.ofMillis(1500)));
        assertThat(List.of(s.p50(), s.p90(), s.max())).containsOnly(Duration.ofMillis(1500));
    }

    @Test
    void noValuesIsEmpty() {
        assertThat(DurationStats.of(List.of()).isEmpty()).isTrue();
    }
}
