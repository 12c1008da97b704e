package io.vigil.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.collectors.input.ReadMeter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void aLineSaysRecordsRateBytesShareAndTimeLeft() {
        assertThat(ProgressBar.line(1_250_000, 120L << 20, 2400L << 20, Duration.ofSeconds(25)))
                .isEqualTo("1.25 M records  50.0 k/s  120 MB of 2.34 GB (5%)  ETA 0:07:55"); // 2280 MB left at 120 MB per 25 s
    }

    @Test
    void withoutAKnownSizeThereIsNoShareNorEta() {
        assertThat(ProgressBar.line(999, 2048, -1, Duration.ofSeconds(1))).isEqualTo("999 records  999/s  2 KB");
    }

    @Test
    void finishedInputsHaveNoEta() {
        assertThat(ProgressBar.line(10, 100, 100, Duration.ofSeconds(1))).endsWith("(100%)");
    }

    @Test
    void theLineIsRewrittenInPlaceAndClearedAtTheEnd() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        ReadMeter meter = new ReadMeter();
        try (ProgressBar bar = ProgressBar.start(meter, 1000, print, System::nanoTime)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).contains(" records "));
        }
        String shown = out.toString(StandardCharsets.UTF_8);
        assertThat(shown).startsWith("\r0 records").endsWith("\r\u001b[K").doesNotContain("\n");
    }
}
