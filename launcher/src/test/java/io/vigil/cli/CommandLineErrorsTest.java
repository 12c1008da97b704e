package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments get a clear message naming the option and a non-zero exit, before anything starts. */
class CommandLineErrorsTest {

    private static Result run(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            System.setOut(capture);
            int rc = Vigil.run(args);
            return new Result(rc, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    private record Result(int rc, String output) {}

    @Test
    void missingRequiredOptionIsNamed() {
        Result r = run("replay", "--out", "x.jsonl");
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("--input");
    }

    @Test
    void unknownCommandIsRefused() {
        Result r = run("frobnicate");
        assertThat(r.rc()).isNotZero();
        assertThat(r.output()).contains("frobnicate");
    }

    @Test
    void malformedDurationNamesTheOptionAndTheForm() {
        Result r = run("replay", "--input", "a", "--out", "b", "--timeout", "ten minutes");
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("--timeout");
    }

    @Test
    void missingInputIsAnErrorNotACrash(@TempDir Path dir) {
        Result r = run("replay", "--bootstrap-servers", "127.0.0.1:1", "--input", dir.resolve("nope").toString(), "--out", dir.resolve("o").toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("no such file or folder").contains("nope");
    }

    @Test
    void badWireFormatInConfigNamesTheKey(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("vigil.properties");
        java.nio.file.Files.writeString(cfg, "vigil.wire.format=xml\n");
        Result r = run("replay", "--config", cfg.toString(), "--input", dir.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("vigil.wire.format");
    }

    @Test
    void collectWithoutASourceSaysWhichExist() {
        Result r = run("collect");
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("files, s3, sqs or cloudwatch");
    }

    @Test
    void collectorOptionsAreCheckedBeforeAnythingStarts(@TempDir Path dir) {
        Result id = run("collect", "files", "--bootstrap-servers", "127.0.0.1:1", "--input", dir.toString(), "--collector-id", "my collector!");
        assertThat(id.rc()).isEqualTo(2);
        assertThat(id.output()).contains("--collector-id").contains("letters, digits");
        Result wait = run("collect", "sqs", "--bootstrap-servers", "127.0.0.1:1", "--queue-url", "http://127.0.0.1:1/q", "--wait", "30",
                "--region", "us-east-1");
        assertThat(wait.rc()).isEqualTo(2);
        assertThat(wait.output()).contains("--wait").contains("0 to 20");
        Result bucket = run("collect", "s3", "--prefix", "AWSLogs/");
        assertThat(bucket.rc()).isEqualTo(2);
        assertThat(bucket.output()).contains("--bucket");
        Result endpoint = run("collect", "cloudwatch", "--log-group", "g", "--endpoint-url", "ftp://x", "--region", "us-east-1");
        assertThat(endpoint.rc()).isEqualTo(2);
        assertThat(endpoint.output()).contains("--endpoint-url").contains("http");
    }
}
