package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments get a clear message naming the option and a non-zero exit, before anything starts. */
class CommandLineErrorsTest {
    @Test
    void missingRequiredOptionIsNamed() {
        CliRun.Result r = CliRun.run("replay", "--out", "x.jsonl");
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("--input");
    }

    @Test
    void unknownCommandIsRefused() {
        CliRun.Result r = CliRun.run("frobnicate");
        assertThat(r.rc()).isNotZero();
        assertThat(r.output()).contains("frobnicate");
    }

    @Test
    void malformedDurationNamesTheOptionAndTheForm() {
        CliRun.Result r = CliRun.run("replay", "--input", "a", "--out", "b", "--timeout", "ten minutes");
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("--timeout");
    }

    @Test
    void missingInputIsAnErrorNotACrash(@TempDir Path dir) {
        CliRun.Result r = CliRun.run("replay", "--bootstrap-servers", "127.0.0.1:1", "--input", dir.resolve("nope").toString(), "--out", dir.resolve("o").toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("no such file or folder").contains("nope");
    }

    @Test
    void badWireFormatInConfigNamesTheKey(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("vigil.properties");
        java.nio.file.Files.writeString(cfg, "vigil.wire.format=xml\n");
        CliRun.Result r = CliRun.run("replay", "--config", cfg.toString(), "--input", dir.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("vigil.wire.format");
    }

    @Test
    void collectWithoutASourceSaysWhichExist() {
        CliRun.Result r = CliRun.run("collect");
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.output()).contains("files, s3, sqs or cloudwatch");
    }

    @Test
    void collectorOptionsAreCheckedBeforeAnythingStarts(@TempDir Path dir) {
        CliRun.Result id = CliRun.run("collect", "files", "--bootstrap-servers", "127.0.0.1:1", "--input", dir.toString(), "--collector-id", "my collector!");
        assertThat(id.rc()).isEqualTo(2);
        assertThat(id.output()).contains("--collector-id").contains("letters, digits");
        CliRun.Result wait = CliRun.run("collect", "sqs", "--bootstrap-servers", "127.0.0.1:1", "--queue-url", "http://127.0.0.1:1/q", "--wait", "30",
                "--region", "us-east-1");
        assertThat(wait.rc()).isEqualTo(2);
        assertThat(wait.output()).contains("--wait").contains("0 to 20");
        CliRun.Result bucket = CliRun.run("collect", "s3", "--prefix", "AWSLogs/");
        assertThat(bucket.rc()).isEqualTo(2);
        assertThat(bucket.output()).contains("--bucket");
        CliRun.Result endpoint = CliRun.run("collect", "cloudwatch", "--log-group", "g", "--endpoint-url", "ftp://x", "--region", "us-east-1");
        assertThat(endpoint.rc()).isEqualTo(2);
        assertThat(endpoint.output()).contains("--endpoint-url").contains("http");
    }
}
