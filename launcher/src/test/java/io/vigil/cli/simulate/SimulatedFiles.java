package io.vigil.cli.simulate;

import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatDetector;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads a written file back as the collectors do: content detection on the decompressed head, then the format's reader. */
final class SimulatedFiles {
    record ReadBack(Format format, List<Collected<?>> records, List<Rejected> rejected) {}

    private static final Readers READERS = new Readers(Clock.systemUTC());

    private SimulatedFiles() {}

    static ReadBack read(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        byte[] content = raw.length > 1 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b ? gunzip(raw) : raw;
        byte[] head = Arrays.copyOf(content, Math.min(content.length, FormatDetector.HEAD_BYTES));
        Format format = FormatDetector.detect(head, head.length);
        List<Collected<?>> records = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        READERS.forFormat(format).orElseThrow(() -> new AssertionError(file + ": no reader for " + format))
                .read(new ByteArrayInputStream(content), file.toString(), new RecordSink() {
                    @Override
                    public void accept(Collected<?> record) {
                        records.add(record);
                    }

                    @Override
                    public void reject(Rejected r) {
                        rejected.add(r);
                    }
                });
        return new ReadBack(format, records, rejected);
    }

    private static byte[] gunzip(byte[] raw) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }
}
