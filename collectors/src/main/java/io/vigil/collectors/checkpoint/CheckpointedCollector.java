package io.vigil.collectors.checkpoint;

import io.vigil.collectors.input.Input;
import io.vigil.collectors.input.InputCollector;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.input.Progress;
import io.vigil.collectors.metrics.CollectorMetrics;
import io.vigil.collectors.publish.Publisher;
import io.vigil.schemas.SourceCheckpoint;
import java.time.Clock;
import java.util.Map;

/**
 * Reads inputs in Kafka transactions that also carry the checkpoint accounting for them: every
 * {@code chunk} records, and at the end of the input, the records and dead letters sent so far and
 * the position reached are committed together. A collector killed at any point therefore resumes
 * after its last commit, and read_committed consumers see each record exactly once.
 */
public final class CheckpointedCollector {
    private final InputCollector collector;
    private final Publisher publisher;
    private final Checkpoints checkpoints;
    private final Clock clock;
    private final long chunk;

    public CheckpointedCollector(InputCollector collector, Publisher transactionalPublisher, Checkpoints checkpoints, Clock clock, long chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1 record, was " + chunk);
        }
        this.collector = collector;
        this.publisher = transactionalPublisher;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.chunk = chunk;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    public CollectorMetrics metrics() {
        return collector.metrics();
    }

    /**
     * Reads {@code input} from record {@code skip} to its end. While reading, the checkpoint of
     * {@code unit} says the position reached and {@code during}; at the end it says {@code complete} and
     * {@code after} (what identifies the content read, or a source's progress past this input).
     *
     * @throws Publisher.TransactionFailedException when a commit failed: the caller retries from {@link #checkpoints()}
     */
    public InputStats collect(String unit, Input input, long skip, Map<String, String> during, boolean complete, Map<String, String> after) {
        publisher.begin();
        Progress progress = new Progress() {
            private long committed = skip;

            @Override
            public long skip() {
                return skip;
            }

            @Override
            public void advanced(long position) {
                if (position - committed >= chunk) {
                    commit(checkpoint(unit, position, false, during));
                    publisher.begin();
                    committed = position;
                }
            }
        };
        InputStats stats;
        try {
            stats = collector.collect(input, progress);
        } catch (Publisher.TransactionFailedException e) {
            collector.metrics().transaction(false);
            throw e; // already aborted
        } catch (RuntimeException e) {
            publisher.abort();
            collector.metrics().transaction(false);
            throw e;
        }
        commit(checkpoint(unit, complete ? skip + stats.read() : 0, complete, after));
        return stats;
    }

    /** Commits a checkpoint alone, e.g. a source's progress past inputs it had nothing to read from. */
    public void mark(String unit, long position, boolean complete, Map<String, String> attributes) {
        publisher.begin();
        try {
            commit(checkpoint(unit, position, complete, attributes));
        } catch (Publisher.TransactionFailedException e) {
            collector.metrics().transaction(false);
            throw e;
        }
    }

    private SourceCheckpoint checkpoint(String unit, long position, boolean complete, Map<String, String> attributes) {
        return SourceCheckpoint.newBuilder().setCollector(checkpoints.collector()).setUnit(unit).setPosition(position)
                .setComplete(complete).setAttributes(Map.copyOf(attributes)).setUpdatedAt(clock.instant()).build();
    }

    private void commit(SourceCheckpoint checkpoint) {
        publisher.checkpoint(checkpoint);
        publisher.commit(); // a failure aborts, counted by the caller
        checkpoints.committed(checkpoint);
        collector.metrics().transaction(true);
    }
}
