package io.vigil.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.Vigil;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code vigil bench respond} against moto_server prints the time to issue every call and the concurrency achieved. */
@ExtendWith(MotoExtension.class)
class RespondBenchCommandTest {

    @Test
    void issuesOneSnapshotPerVolumeWithinTheConcurrencyAndReportsIt(MotoServer moto) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            rc = Vigil.run("bench", "respond", "--instances", "30", "--concurrency", "4", "--endpoint-url", moto.endpoint().toString());
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(text).isZero();
        assertThat(text).contains("setup (not timed): 30 instances", "issue: 30 CreateSnapshot calls in", "0 failed",
                "time to issue all calls (plan + issue):", "goal <= 30 s");
        assertThat(text).containsPattern("concurrency achieved: max [1-4] in flight, average \\d+\\.\\d");
    }
}
