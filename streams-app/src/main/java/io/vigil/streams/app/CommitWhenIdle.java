package io.vigil.streams.app;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Asks Kafka Streams to commit a task as soon as its input pauses, rather than at the next commit interval.
 *
 * <p>Why: under exactly-once a finding reaches read_committed readers (SIEMs, responders, the hunt) only when
 * its transaction commits. At Vigil's one-second interval the last findings of a burst would wait up to a
 * second after the burst ends; with this they wait one idle check. While records keep coming, commits stay
 * at the interval, since each commit is a transaction and transactions are the main fixed cost. The wall
 * clock decides only when to commit, never what is detected.
 */
public final class CommitWhenIdle {
    private final ProcessorContext<?, ?> context;
    /** Records processed since the last check. */
    private boolean busy;
    /** Records processed since the last commit this asked for. */
    private boolean uncommitted;

    private CommitWhenIdle(ProcessorContext<?, ?> context) {
        this.context = context;
    }

    /** Checks every {@code idle} of wall-clock time: a task that processed records, then none during a whole check, commits. */
    public static CommitWhenIdle schedule(ProcessorContext<?, ?> context, Duration idle) {
        CommitWhenIdle c = new CommitWhenIdle(context);
        context.schedule(idle, PunctuationType.WALL_CLOCK_TIME, now -> c.check());
        return c;
    }

    /** To be called for every record the task processes. */
    public void processed() {
        busy = true;
        uncommitted = true;
    }

    private void check() {
        if (uncommitted && !busy) {
            context.commit();
            uncommitted = false;
        }
        busy = false;
    }
}
