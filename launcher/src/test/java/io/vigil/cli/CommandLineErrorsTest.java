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
}
