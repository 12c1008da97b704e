package io.vigil.streams.detect.cross;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pure core: what it keeps of flows, and that a late opening finds them. */
class ExposedPortDetectorTest {
    private static final long T0 = 1_740_000_000_000L;

    private static InterfaceExposure.InboundFlow flow(long seconds, int port) {
        return new InterfaceExposure.InboundFlow(T0 + seconds * 1000, 6, port, "203.0.113.9", "10.0.1.5", "REJECT", 1, 60, "i-1", "instance",
                "123456789012", new Ref("flows.raw", 0, seconds, "r" + seconds));
    }

    @Test
    void aScannedPortIsKeptOnceAMinuteNotOncePerFlow() {
        InterfaceExposure s = ExposedPortDetector.onFlow(null, flow(0, 22)).state();
        for (int i = 1; i < 60; i++) {
            InterfaceExposure before = s;
            s = ExposedPortDetector.onFlow(s, flow(i, 22)).state();
            assertThat(s).as("second %d", i).isSameAs(before);
        }
        s = ExposedPortDetector.onFlow(s, flow(61, 22)).state();
        s = ExposedPortDetector.onFlow(s, flow(62, 443)).state();
        assertThat(s.recent()).extracting(InterfaceExposure.InboundFlow::time).containsExactly(T0 + 61_000, T0 + 62_000);
    }

    @Test
    void anOpeningToldLateFindsTheFlowAfterItAndOnlyOnce() {
        InterfaceExposure s = ExposedPortDetector.onFlow(null, flow(600, 22)).state();
        ExposureNotice opened = new ExposureNotice("eni-1", "i-1", "sg-web", new PortRange(6, 22, 22), T0 + 300_000, new Ref("config.changes", 1, 7, "st-7"));
        ExposedPortDetector.Step step = ExposedPortDetector.onNotice(s, opened);
        assertThat(step.alerts()).singleElement().satisfies(a -> {
            assertThat(a.detection().severity().name()).isEqualTo("MEDIUM");
            assertThat(a.detection().observed()).containsEntry("minutes_after_opening", "5").containsEntry("action", "REJECT");
        });
        assertThat(ExposedPortDetector.onNotice(step.state(), opened).alerts()).isEmpty();
        assertThat(ExposedPortDetector.onFlow(step.state(), flow(900, 22)).alerts()).as("reported once per opening").isEmpty();
    }
}
