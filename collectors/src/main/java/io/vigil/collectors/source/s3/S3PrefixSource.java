package io.vigil.collectors.source.s3;

import io.vigil.collectors.checkpoint.CheckpointedCollector;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.Source;
import io.vigil.schemas.SourceCheckpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * Every object under an S3 prefix, in key order, resuming where the last run stopped. S3 lists keys
 * in lexicographic order and AWS log delivery puts the date in the key
 * ({@code AWSLogs/<account>/vpcflowlogs/<region>/yyyy/mm/dd/…}), so "the last key read" is the
 * checkpoint: one per prefix, plus the position inside the object being read. An object landing later
 * under a key that sorts before the checkpoint is not seen: point an {@code sqs} collector at the
 * bucket's event notifications for that.
 */
public final class S3PrefixSource implements Source {
    /** Files AWS writes next to logs that are not logs: CloudTrail digests, Config's write check. */
    public static final Pattern DEFAULT_EXCLUDE = Pattern.compile(".*(/CloudTrail-Digest/|ConfigWritabilityCheckFile).*");
    static final String AFTER = "after";
    static final String KEY = "key";
    static final String ETAG = "etag";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Pattern exclude;

    public S3PrefixSource(S3Client s3, String bucket, String prefix, Pattern exclude) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.exclude = exclude;
    }

    @Override
    public String kind() {
        return "s3";
    }

    @Override
    public String target() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public List<InputStats> poll(CheckpointedCollector collector) {
        String unit = target();
        Optional<SourceCheckpoint> cp = collector.checkpoints().get(unit);
        String after = cp.map(c -> c.getAttributes().get(AFTER)).orElse(null);
        ListObjectsV2Request.Builder list = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
        if (after != null) {
            list.startAfter(after);
        }
        List<InputStats> out = new ArrayList<>();
        String passedOver = null;
        for (var object : s3.listObjectsV2Paginator(list.build()).contents()) {
            if (object.key().endsWith("/") || object.size() == 0 || exclude.matcher(object.key()).matches()) {
                passedOver = object.key();
                continue;
            }
            Map<String, String> during = new HashMap<>();
            if (after != null) {
                during.put(AFTER, after);
            }
            during.put(KEY, object.key());
            during.put(ETAG, object.eTag());
            long skip = cp.isPresent() && during.equals(cp.get().getAttributes()) ? cp.get().getPosition() : 0;
            out.add(collector.collect(unit, new S3Object(s3, bucket, object.key(), object.size()), skip, during, false, Map.of(AFTER, object.key())));
            after = object.key();
            passedOver = null;
            cp = collector.checkpoints().get(unit);
        }
        if (passedOver != null) {
            collector.mark(unit, 0, false, Map.of(AFTER, passedOver)); // not listed again
        }
        return out;
    }
}
