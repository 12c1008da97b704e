package io.vigil.cli.progress;

import io.vigil.collectors.input.ReadMeter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One line on a terminal, rewritten twice a second while inputs are read: records and records/s,
 * bytes read of the total, and the time left at the current rate (or any other line, such as a hunt's). Only on a terminal: piped or
 * redirected output gets no control characters.
 */
public final class ProgressBar implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final PrintStream out;

    private ProgressBar(ScheduledExecutorService timer, PrintStream out) {
        this.timer = timer;
        this.out = out;
    }

    /** A bar on stderr when it is a terminal and not switched off; otherwise one that shows nothing. */
    public static ProgressBar onTerminal(ReadMeter meter, long totalBytes, boolean off) {
        if (off || System.console() == null) {
            return new ProgressBar(null, null);
        }
        return start(meter, totalBytes, System.err, System::nanoTime);
    }

    /** A bar on stderr showing whatever line {@code line} makes from the time elapsed (a hunt's offsets, say). */
    public static ProgressBar onTerminal(Function<Duration, String> line, boolean off) {
        if (off || System.console() == null) {
            return new ProgressBar(null, null);
        }
        return start(line, System.err, System::nanoTime);
    }

    static ProgressBar start(ReadMeter meter, long totalBytes, PrintStream out, LongSupplier nanos) {
        return start(elapsed -> line(meter.records(), meter.bytes(), totalBytes, elapsed), out, nanos);
    }

    static ProgressBar start(Function<Duration, String> line, PrintStream out, LongSupplier nanos) {
        long started = nanos.getAsLong();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            out.print("\r" + line.apply(Duration.ofNanos(nanos.getAsLong() - started)) + "\u001b[K");
            out.flush();
        }, 500, 500, TimeUnit.MILLISECONDS);
        return new ProgressBar(timer, out);
    }

    /** E.g. {@code 1.25 M records  48.1 k/s  120 MB of 2.10 GB (5%)  ETA 0:41:05}. */
    static String line(long records, long bytes, long totalBytes, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        StringBuilder b = new StringBuilder()
                .append(count(records)).append(" records  ")
                .append(count((long) (records / seconds))).append("/s  ")
                .append(size(bytes));
        if (totalBytes > 0) {
            b.append(" of ").append(size(totalBytes)).append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, bytes * 100 / totalBytes)));
            if (bytes > 0 && bytes < totalBytes) {
                long left = (long) ((totalBytes - bytes) * (seconds / bytes));
                b.append(String.format(Locale.ROOT, "  ETA %d:%02d:%02d", left / 3600, left / 60 % 60, left % 60));
            }
        }
        return b.toString();
    }

    /** E.g. {@code 999}, {@code 48.1 k}, {@code 1.25 M}. */
    public static String count(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        }
        return n >= 1_000 ? String.format(Locale.ROOT, "%.1f k", n / 1e3) : Long.toString(n);
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%d MB", bytes >> 20);
        }
        return bytes >= 1L << 10 ? String.format(Locale.ROOT, "%d KB", bytes >> 10) : bytes + " B";
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}
