package io.vigil.collectors.format.vpcflow;

import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.FormatDetector;
import io.vigil.collectors.format.FormatReader;
import io.vigil.collectors.format.Readers;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.schemas.Origin;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.avro.generic.GenericRecord;

/**
 * Test support for the format readers (shared by the vpcflow, awsconfig and osquery tests): runs a
 * reader into lists, encodes every accepted record as the publisher would (so a record the schema
 * refuses fails the test), writes each outcome as a verdict line ({@code line 3: published},
 * {@code line 4: rejected bad_field}) to compare with the expected verdicts kept beside each fixture,
 * and finds the shared third-party data.
 */
public final class ReaderHarness implements RecordSink {
    public static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final WireFormat WIRE = new SingleObjectWireFormat();

    private final List<Collected<?>> accepted = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private Format format = Format.UNKNOWN;

    private ReaderHarness() {}

    public static ReaderHarness read(FormatReader reader, String content) {
        return read(reader, content.getBytes(StandardCharsets.UTF_8));
    }

    public static ReaderHarness read(FormatReader reader, byte[] content) {
        ReaderHarness h = new ReaderHarness();
        h.format = reader.format();
        try {
            reader.read(new ByteArrayInputStream(content), "test", h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return h;
    }

    /** Reads a fixture from {@code src/test/resources/fixtures/}, e.g. {@code vpcflow/bad-records.log}. */
    public static ReaderHarness readFixture(FormatReader reader, String fixture) {
        return read(reader, fixtureBytes(fixture));
    }

    /** Reads a file as the file collector does: gunzipped if gzip, format detected from content. */
    public static ReaderHarness collect(Path file) throws IOException {
        ReaderHarness h = new ReaderHarness();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            BufferedInputStream in = new BufferedInputStream(gzip ? new GZIPInputStream(raw) : raw);
            in.mark(FormatDetector.HEAD_BYTES);
            byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
            in.reset();
            h.format = FormatDetector.detect(head, head.length);
            FormatReader reader = new Readers(CLOCK).forFormat(h.format).orElse(null);
            if (reader != null) {
                reader.read(in, file.toString(), h);
            }
        }
        return h;
    }

    /** The verdicts expected for a fixture: its {@code .verdicts} file, without comments and blank lines. */
    public static List<String> expectedVerdicts(String fixture) {
        return new String(fixtureBytes(fixture + ".verdicts"), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    public static byte[] fixtureBytes(String fixture) {
        try (InputStream in = ReaderHarness.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared public data folder ({@code ../shared/data/public}): from the {@code vigil.shared.dir}
     * system property surefire sets, else relative to the module. Tests skip when it is absent.
     */
    public static Path sharedData(String folder) {
        String configured = System.getProperty("vigil.shared.dir");
        Path shared = configured != null && Files.isDirectory(Path.of(configured)) ? Path.of(configured) : Path.of("../../shared");
        return shared.resolve("data/public").resolve(folder);
    }

    @Override
    public void accept(Collected<?> record) {
        WIRE.encode(record.topic().name(), record.value());
        accepted.add(record);
        verdicts.add(origin(record).getPosition() + ": published");
    }

    @Override
    public void reject(Rejected r) {
        rejected.add(r);
        verdicts.add(r.position() + ": rejected " + r.reason());
    }

    public static Origin origin(Collected<?> record) {
        return (Origin) ((GenericRecord) record.value()).get("origin");
    }

    public List<Collected<?>> accepted() {
        return accepted;
    }

    /** The accepted values, cast to the record type the reader publishes. */
    public <V> List<V> values(Class<V> type) {
        return accepted.stream().map(c -> type.cast(c.value())).toList();
    }

    public List<Rejected> rejected() {
        return rejected;
    }

    public List<String> verdicts() {
        return verdicts;
    }

    public Format format() {
        return format;
    }

    /** Records found, as {@code replay --stats} counts them: published plus dead-lettered. */
    public int read() {
        return accepted.size() + rejected.size();
    }
}
