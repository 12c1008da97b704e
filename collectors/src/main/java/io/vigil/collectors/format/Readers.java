package io.vigil.collectors.format;

import io.vigil.schemas.wire.AvroTrust;

import io.vigil.collectors.format.awsconfig.AwsConfigReader;
import io.vigil.collectors.format.cloudtrail.CloudTrailReader;
import io.vigil.collectors.format.osquery.OsqueryReader;
import io.vigil.collectors.format.vpcflow.VpcFlowReader;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The reader of each supported format. */
public final class Readers {
    private final Map<Format, FormatReader> byFormat = new EnumMap<>(Format.class);

    public Readers(Clock clock) {
        this(clock, ObjectFetcher.none());
    }

    /** @param objects follows references to S3 objects (oversized Config items) when present */
    public Readers(Clock clock, Optional<ObjectFetcher> objects) {
        AvroTrust.ensure();
        add(new VpcFlowReader(clock));
        add(new CloudTrailReader(clock));
        add(new AwsConfigReader(clock, objects));
        add(new OsqueryReader(clock));
    }

    private void add(FormatReader reader) {
        byFormat.put(reader.format(), reader);
    }

    public Optional<FormatReader> forFormat(Format format) {
        return Optional.ofNullable(byFormat.get(format));
    }
}
