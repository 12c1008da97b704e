package io.vigil.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.CliRun;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code vigil bench respond} against moto_server prints the time to issue every call and the concurrency achieved. */
@ExtendWith(MotoExtension.class)
class RespondBenchCommandTest {

    @Test
    void issuesOneSnapshotPerVolumeWithinTheConcurrencyAndReportsIt(MotoServer moto) {
        CliRun.Result r = CliRun.run("bench", "respond", "--instances", "30", "--concurrency", "4", "--endpoint-url", moto.endpoint().toString());
        String text = r.out();
        assertThat(r.rc()).as(r.output()).isZero();
        assertThat(text).contains("setup (not timed): 30 instances", "issue: 30 CreateSnapshot calls in", "0 failed",
                "time to issue all calls (plan + issue):", "goal <= 30 s");
        assertThat(text).containsPattern("concurrency achieved: max [1-4] in flight, average \\d+\\.\\d");
    }
}
