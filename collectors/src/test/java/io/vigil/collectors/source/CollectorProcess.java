package io.vigil.collectors.source;

import io.vigil.collectors.input.Input;
import io.vigil.collectors.source.file.FolderSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;

/**
 * A collector in its own JVM reading one file as the folder source does, so that a test can kill it for
 * real mid-file. Its input stalls after a given number of bytes (it waits for a byte on stdin that never
 * comes), which makes "mid-file" certain rather than a race with the kill.
 */
public final class CollectorProcess {
    private CollectorProcess() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String id = args[1];
        long chunk = Long.parseLong(args[2]);
        Path file = Path.of(args[3]).toAbsolutePath().normalize();
        long stallAfter = Long.parseLong(args[4]);
        Map<String, String> identity = FolderSource.identity(Files.readAttributes(file, BasicFileAttributes.class));
        Input stalling = new Input() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public InputStream open() throws IOException {
                return new Stalling(Files.newInputStream(file), stallAfter);
            }

            @Override
            public long size() {
                return -1;
            }
        };
        try (CollectorHarness harness = CollectorHarness.start(bootstrap, id, chunk, Optional.empty())) {
            harness.collector().collect(file.toString(), stalling, 0, identity, true, identity);
        }
    }

    private static final class Stalling extends FilterInputStream {
        private long left;

        Stalling(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                System.in.read(); // never answered: the process is killed here
            }
            int n = super.read(b, off, (int) Math.min(len, Math.max(1, left)));
            left -= Math.max(n, 0);
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }
}
