package io.vigil.reports.schedule;

import io.vigil.reports.ReportCommand;
import io.vigil.reports.ReportSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vigil report --schedule}: writes each period's report once the period has closed by the
 * clock plus a grace for late records (this is reporting, not detection: the wall clock decides when a
 * day is over; the report itself covers the findings whose event time lies in the period). A period
 * already in the sink is not written again, so restarts and several instances are harmless.
 */
public final class ScheduledReports {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledReports.class);

    private final ReportCommand reports;
    private final Period period;
    private final Duration grace;
    private final ReportSink sink;
    private final Clock clock;

    public ScheduledReports(ReportCommand reports, Period period, Duration grace, ReportSink sink, Clock clock) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("--grace " + grace + ": expected a duration of zero or more, e.g. PT10M");
        }
        this.reports = reports;
        this.period = period;
        this.grace = grace;
        this.sink = sink;
        this.clock = clock;
    }

    /** Writes the last period that closed (grace included) if it is not in the sink yet; returns where its files went. */
    public Optional<List<String>> runDue() {
        Period.Span due = period.lastClosed(clock.instant().minus(grace));
        if (sink.has(due.name())) {
            return Optional.empty();
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("vigil-report-" + due.name());
            ReportSummary summary = reports.render(Optional.of(due.start()), Optional.of(due.end()), tmp);
            List<String> written = sink.put(due.name(), summary.files());
            LOG.info("{} report {}: {} findings, {} actions -> {}", period.name().toLowerCase(java.util.Locale.ROOT), due.name(), summary.findings(),
                    summary.actions(), written.isEmpty() ? "nothing" : written.get(0).replaceAll("/[^/]*$", "/"));
            return Optional.of(written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the " + due.name() + " report", e);
        } finally {
            delete(tmp);
        }
    }

    /** When the next period closes, grace included: the time to wake up for it. */
    public Instant nextDue() {
        return period.containing(clock.instant().minus(grace)).end().plus(grace);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
