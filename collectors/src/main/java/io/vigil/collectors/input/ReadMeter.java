package io.vigil.collectors.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.LongAdder;

/** Bytes read from inputs (as stored: compressed if they are) and records found, for progress displays. */
public final class ReadMeter {
    private final LongAdder bytes = new LongAdder();
    private final LongAdder records = new LongAdder();

    public long bytes() {
        return bytes.sum();
    }

    public long records() {
        return records.sum();
    }

    void record() {
        records.increment();
    }

    InputStream count(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes.increment();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes.add(n);
                }
                return n;
            }
        };
    }
}
