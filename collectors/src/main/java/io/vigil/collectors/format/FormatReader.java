package io.vigil.collectors.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes one input format. A reader never throws for bad content: every unreadable record goes to
 * {@link RecordSink#reject} with a reason, and reading goes on where the format allows it. Only
 * failures of the stream itself (a truncated gzip, an I/O error) escape as {@link IOException}; the
 * caller records those as one rejected record at the position reached.
 */
public interface FormatReader {
    Format format();

    /**
     * @param in the decompressed content
     * @param source where it came from (path, S3 URI), copied into each record's origin
     */
    void read(InputStream in, String source, RecordSink sink) throws IOException;
}
