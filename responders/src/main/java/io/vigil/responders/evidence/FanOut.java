package io.vigil.responders.evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs many cloud calls at once, within bounds: at most {@code concurrency} in flight, and calls started no
 * faster than {@code callsPerSecond} (a paced token bucket shared by all workers), so a thousand-instance
 * fan-out neither queues behind one connection nor trips the API's throttling. Measures what it achieved.
 */
public final class FanOut implements AutoCloseable {
    private final int concurrency;
    private final double callsPerSecond;
    private final ExecutorService pool;
    private final Object pace = new Object();
    private long nextStartNanos;

    /**
     * @param wall         how long the whole fan-out took
     * @param maxInFlight  the most calls in flight at one moment
     * @param busy         the calls' summed durations; {@code busy / wall} is the average concurrency achieved
     */
    public record Stats(int calls, Duration wall, int maxInFlight, Duration busy) {
        public double averageConcurrency() {
            return wall.isZero() ? 0 : (double) busy.toNanos() / wall.toNanos();
        }

        public double callsPerSecond() {
            return wall.isZero() ? 0 : calls / (wall.toNanos() / 1e9);
        }
    }

    /** One call's result: its value, or the exception it ended with. */
    public record Result<T>(T value, Exception error) {}

    public FanOut(int concurrency, double callsPerSecond) {
        if (concurrency < 1 || callsPerSecond <= 0) {
            throw new IllegalArgumentException("concurrency must be at least 1 and the rate positive, got " + concurrency + " and " + callsPerSecond);
        }
        this.concurrency = concurrency;
        this.callsPerSecond = callsPerSecond;
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "vigil-fanout");
            t.setDaemon(true);
            return t;
        });
    }

    public int concurrency() {
        return concurrency;
    }

    public double rate() {
        return callsPerSecond;
    }

    /** Runs every call, in order of submission, and waits for all; results in the same order. */
    public <T> List<Result<T>> run(List<Callable<T>> calls, java.util.function.Consumer<Stats> stats) throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicLong busy = new AtomicLong();
        long start = System.nanoTime();
        synchronized (pace) {
            nextStartNanos = Math.max(nextStartNanos, start);
        }
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                awaitTurn();
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                long t0 = System.nanoTime();
                try {
                    return call.call();
                } finally {
                    busy.addAndGet(System.nanoTime() - t0);
                    inFlight.decrementAndGet();
                }
            }));
        }
        List<Result<T>> out = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                out.add(new Result<>(f.get(), null));
            } catch (ExecutionException e) {
                out.add(new Result<>(null, e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause())));
            }
        }
        stats.accept(new Stats(calls.size(), Duration.ofNanos(System.nanoTime() - start), maxInFlight.get(), Duration.ofNanos(busy.get())));
        return out;
    }

    /** Paces starts at {@code callsPerSecond}: each call takes the next slot and sleeps until it comes. */
    private void awaitTurn() throws InterruptedException {
        long slot;
        synchronized (pace) {
            long now = System.nanoTime();
            slot = Math.max(nextStartNanos, now);
            nextStartNanos = slot + (long) (1e9 / callsPerSecond);
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
