package io.vigil.cli.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Text written gzip-compressed as AWS delivers it. Java's gzip header carries no timestamp or name,
 * so the same text gives the same bytes: what makes a seed's output byte-identical.
 */
final class GzipText {
    private GzipText() {}

    static Writer open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }
}
