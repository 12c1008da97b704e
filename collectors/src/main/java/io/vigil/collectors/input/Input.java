package io.vigil.collectors.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One unit of input as the collectors read it: a local file, an S3 object, a page of CloudWatch Logs
 * events. It can be opened more than once (a dead letter for a whole unit re-reads its first bytes).
 */
public interface Input {
    /** Where it came from (a path, {@code s3://bucket/key}, {@code logs://group}), copied into origins and dead letters. */
    String name();

    /** The raw bytes, plain or gzip. */
    InputStream open() throws IOException;

    /** Its size in bytes, -1 when unknown. */
    long size();

    static Input file(Path path) {
        return new Input() {
            @Override
            public String name() {
                return path.toString();
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }

            @Override
            public long size() {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    return -1;
                }
            }
        };
    }

    static Input bytes(String name, byte[] content) {
        return new Input() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(content);
            }

            @Override
            public long size() {
                return content.length;
            }
        };
    }
}
