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

    /**
     * Whether a writer may still be appending to it (a local file; not an S3 object, which is written whole). Line readers then
     * hold back a last line without its newline: it may be half written, and reading it now would publish a broken record and,
     * counted as read, skip the completed line when the file is read on.
     */
    default boolean mayGrow() {
        return false;
    }

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
            public boolean mayGrow() {
                return true;
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
