package io.vigil.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HourlyVolumeTest {
    private static final int MONDAY = (int) (TestFlows.T0.getEpochSecond() / 3600);
    private static final long MB = 1_000_000;

    @Test
    void hoursCloseIntoTheHistoryAndSilentHoursCountAsZero() {
        HourlyVolume v = new HourlyVolume();
        v.observe(MONDAY, 5 * MB, 0, 1, 0);
        v.observe(MONDAY, 5 * MB, 0, 1, 0);
        assertThat(v.currentBytes()).isEqualTo(10 * MB);
        v.observe(MONDAY + 3, MB, 0, 1, 0);
        assertThat(v.dirtySlot(0)).isEqualTo(HourlyVolume.slot(MONDAY));
        assertThat(v.dirtySlot(HourlyVolume.slot(MONDAY + 2) + 1)).isEqualTo(-1);
        assertThat(v.samples(HourlyVolume.slot(MONDAY))).isEqualTo(1);
        assertThat(v.slotMedian(HourlyVolume.slot(MONDAY))).isCloseTo(10 * MB, within(0.01 * 10 * MB));
        assertThat(v.samples(HourlyVolume.slot(MONDAY + 1))).isEqualTo(1);
        assertThat(v.slotMedian(HourlyVolume.slot(MONDAY + 1))).isZero();
        assertThat(v.currentBytes()).isEqualTo(MB);
    }

    @Test
    void lateBytesJoinThePreviousHourOlderOnesAreDropped() {
        HourlyVolume v = new HourlyVolume();
        v.observe(MONDAY, 4 * MB, 0, 1, 0);
        v.observe(MONDAY + 1, MB, 0, 1, 0);
        v.clean();
        v.observe(MONDAY, 4 * MB, 0, 1, 0);
        assertThat(v.dirtySlot(0)).isEqualTo(HourlyVolume.slot(MONDAY));
        assertThat(v.slotMedian(HourlyVolume.slot(MONDAY))).isCloseTo(8 * MB, within(0.01 * 8 * MB));
        v.observe(MONDAY + 2, MB, 0, 1, 0);
        v.observe(MONDAY, 4 * MB, 0, 1, 0);
        assertThat(v.slotMedian(HourlyVolume.slot(MONDAY))).isCloseTo(8 * MB, within(0.01 * 8 * MB));
        assertThat(v.currentBytes()).isEqualTo(MB);
    }

    @Test
    void theBaselineNarrowsAsHistoryGrows() {
        HourlyVolume v = new HourlyVolume();
        v.observe(MONDAY, MB, 0, 1, 0);
        v.observe(MONDAY + 5, MB, 0, 1, 0);
        assertThat(v.baseline().sufficient()).isFalse();
        v.observe(MONDAY + 20, MB, 0, 1, 0);
        assertThat(v.baseline().scope()).isEqualTo("every hour");
        v.observe(MONDAY + 3 * 24 + 20, MB, 0, 1, 0);
        assertThat(v.baseline().scope()).isEqualTo("same hour of day (20:00 UTC)");
        v.observe(MONDAY + 3 * 168 + 20, MB, 0, 1, 0);
        assertThat(v.baseline().scope()).isEqualTo("same hour of week (Mon 20:00 UTC)");
        assertThat(v.baseline().stats().samples()).isEqualTo(3);
    }

    @Test
    void topDestinationIsTheHeaviest() {
        HourlyVolume v = new HourlyVolume();
        for (int peer = 1; peer <= 6; peer++) {
            v.observe(MONDAY, peer * MB, 0, peer, 0);
        }
        v.observe(MONDAY, 9 * MB, 0, 6, 0);
        assertThat(v.topLo(v.topDestination())).isEqualTo(6);
        assertThat(v.topBytes(v.topDestination())).isGreaterThanOrEqualTo(15 * MB);
    }

    @Test
    void slotsStartOnMondayUtc() {
        assertThat(HourlyVolume.slot(MONDAY)).isZero();
        assertThat(HourlyVolume.slotName(HourlyVolume.slot(MONDAY + 24 + 14))).isEqualTo("Tue 14:00 UTC");
    }
}
