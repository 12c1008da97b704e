package io.vigil.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobustStatsTest {

    @Test
    void oneSpikeDoesNotMoveTheBaseline() {
        RobustStats s = RobustStats.of(new double[] {1, 2, 3, 4, 100}, 5);
        assertThat(s.median()).isEqualTo(3);
        assertThat(s.mad()).isEqualTo(1);
        assertThat(s.threshold(2)).isEqualTo(3 + 2 * RobustStats.MAD_TO_SIGMA);
    }

    @Test
    void evenCountsAverageTheMiddle() {
        RobustStats s = RobustStats.of(new double[] {4, 1, 3, 2, 99}, 4);
        assertThat(s.samples()).isEqualTo(4);
        assertThat(s.median()).isEqualTo(2.5);
        assertThat(s.mad()).isEqualTo(1);
    }
}
