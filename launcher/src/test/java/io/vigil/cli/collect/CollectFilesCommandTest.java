package io.vigil.cli.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil collect files --once} on the embedded broker: a second run finds every file committed and reads nothing. */
class CollectFilesCommandTest {

    private static String run(String... args) {
        CliRun.Result r = CliRun.run(args);
        assertThat(r.rc()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void aSecondRunResumesFromTheCheckpointsAndReadsOnlyWhatIsNew(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path flows = inbox.resolve("flows.log");
        Files.writeString(flows, "2 111122223333 eni-0a 10.0.0.1 10.0.0.2 40000 22 6 3 180 1761955200 1761955260 ACCEPT OK\n"
                + "2 111122223333 eni-0a 10.0.0.1 10.0.0.2 40001 22 6 3 180 1761955201 1761955261 ACCEPT OK\n");
        String data = dir.resolve("kafka").toString();

        String first = run("collect", "files", "--once", "--data-dir", data, "--input", inbox.toString(), "--collector-id", "inbox");
        assertThat(first).contains("(0 checkpoints)").contains("flows.log: vpcflow, read 2, published 2, dead-lettered 0");

        Files.writeString(flows, "2 111122223333 eni-0a 10.0.0.1 10.0.0.2 40002 22 6 3 180 1761955202 1761955262 ACCEPT OK\n",
                java.nio.file.StandardOpenOption.APPEND);
        String second = run("collect", "files", "--once", "--data-dir", data, "--input", inbox.toString(), "--collector-id", "inbox");
        assertThat(second).contains("(1 checkpoints)").contains("flows.log: vpcflow, read 1, published 1, dead-lettered 0");

        String third = run("collect", "files", "--once", "--data-dir", data, "--input", inbox.toString(), "--collector-id", "inbox");
        assertThat(third).contains("(1 checkpoints)").doesNotContain("flows.log:");
    }
}
