package io.vigil.collectors.format.osquery;

import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.json.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * Reads osquery result logs (the filesystem logger's JSON lines, snapshot and differential) into host
 * inventory rows: packages (deb, rpm, python, npm, chocolatey, homebrew, ...), listening ports and
 * processes typed, any other table kept by its columns. A broken line is dead-lettered and the
 * lines after it still read.
 */
public final class OsqueryReader implements FormatReader {
    private final Clock clock;

    public OsqueryReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Format format() {
        return Format.OSQUERY;
    }

    @Override
    public void read(InputStream in, String source, RecordSink sink) throws IOException {
        OsqueryResultHandler handler = new OsqueryResultHandler(source, clock.instant(), sink);
        JsonLines.read(in, sink, handler::line);
    }
}
