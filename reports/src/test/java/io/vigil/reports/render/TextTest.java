package io.vigil.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void durationsReadInTheirLargestUsefulUnits() {
        assertThat(Text.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Text.duration(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Text.duration(Duration.ofSeconds(53))).isEqualTo("53 s");
        assertThat(Text.duration(Duration.ofSeconds(245))).isEqualTo("4m 05s");
        assertThat(Text.duration(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(Text.duration(Duration.ofMinutes(123))).isEqualTo("2h 03m");
        assertThat(Text.duration(Duration.ofHours(76))).isEqualTo("3d 04h");
        assertThat(Text.duration(Duration.ofSeconds(-2))).isEqualTo("-2 s");
    }

    @Test
    void csvSecondsKeepMilliseconds() {
        assertThat(Text.seconds(Duration.ofMillis(61_005))).isEqualTo("61.005");
    }
}
