package io.vigil.collectors.source;

import io.vigil.collectors.checkpoint.CheckpointedCollector;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.publish.Publisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a source until stopped: what each poll read is reported, a failed transaction or an
 * unreachable cloud API is retried with capped exponential back-off from the last checkpoint, and only
 * a fenced publisher (another instance with the same collector id took over) ends the run.
 */
public final class SourceRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SourceRunner.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Source source;
    private final CheckpointedCollector collector;
    private final Duration interval;
    private final Consumer<List<InputStats>> report;
    private volatile boolean stopped;

    public SourceRunner(Source source, CheckpointedCollector collector, Duration interval, Consumer<List<InputStats>> report) {
        this.source = source;
        this.collector = collector;
        this.interval = interval;
        this.report = report;
    }

    /** One poll, failures included: for {@code --once} runs and tests. */
    public List<InputStats> pollOnce() throws Exception {
        List<InputStats> stats;
        try {
            stats = source.poll(collector);
        } catch (Exception e) {
            collector.metrics().polled(false, Instant.now());
            throw e;
        }
        collector.metrics().polled(true, Instant.now());
        report.accept(stats);
        return stats;
    }

    /** Polls until {@link #stop()}; returns normally when stopped, throws when fenced. */
    public void run() throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        while (!stopped) {
            Duration wait = interval;
            try {
                pollOnce();
                backoff = Duration.ofSeconds(1);
            } catch (Publisher.TransactionFailedException e) {
                if (e.fatal()) {
                    throw e;
                }
                LOG.warn("{} {}: {}; retrying from the last checkpoint in {}", source.kind(), source.target(), e.getMessage(), backoff);
                wait = backoff;
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.warn("{} {}: poll failed ({}: {}); retrying from the last checkpoint in {}", source.kind(), source.target(),
                        e.getClass().getSimpleName(), e.getMessage(), backoff);
                wait = backoff;
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            }
            synchronized (this) {
                if (!stopped) {
                    wait(Math.max(1, wait.toMillis())); // the poll interval; stop() wakes it
                }
            }
        }
    }

    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
