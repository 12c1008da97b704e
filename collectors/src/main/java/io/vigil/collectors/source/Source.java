package io.vigil.collectors.source;

import io.vigil.collectors.checkpoint.CheckpointedCollector;
import io.vigil.collectors.input.InputStats;
import java.util.List;

/**
 * Where a long-running collector reads from: folders, an S3 prefix, an SQS queue, a CloudWatch Logs
 * group. Each poll reads what is new since the collector's committed checkpoints.
 */
public interface Source {
    /** A stable label for metrics, as docs/METRICS.md lists them ({@code file}, {@code s3}, {@code sqs}, {@code cloudwatch_logs}). */
    String kind();

    /** What it reads, for logs and for the default collector id (e.g. {@code s3://bucket/prefix}). */
    String target();

    /**
     * Reads what is new. Throws {@link io.vigil.collectors.publish.Publisher.TransactionFailedException}
     * when a commit failed (nothing of it is visible; the next poll resumes from the last checkpoint).
     *
     * @return what each input read in this poll gave
     */
    List<InputStats> poll(CheckpointedCollector collector) throws Exception;

    /** How long checkpoints stay relevant: SQS redelivers for 14 days at most, other sources forever. */
    default java.util.Optional<java.time.Duration> checkpointRelevance() {
        return java.util.Optional.empty();
    }
}
