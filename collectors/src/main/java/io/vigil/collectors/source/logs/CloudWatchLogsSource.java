package io.vigil.collectors.source.logs;

import io.vigil.collectors.checkpoint.CheckpointedCollector;
import io.vigil.collectors.input.Input;
import io.vigil.collectors.input.InputStats;
import io.vigil.collectors.source.Source;
import io.vigil.schemas.SourceCheckpoint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * A CloudWatch Logs group (VPC flow logs or CloudTrail delivered to CloudWatch Logs), read with
 * FilterLogEvents in consecutive windows of event time {@code [from, to)}: each window is read whole,
 * ordered by time and event id, and committed with the checkpoint "next window starts at {@code to}".
 * A window ends {@code lag} before now, because CloudWatch Logs accepts events a while after their
 * timestamp; an event ingested later than that into a window already read is not seen. A window
 * interrupted mid-way is read again with the same bounds, resuming after its committed records.
 */
public final class CloudWatchLogsSource implements Source {
    static final String FROM = "from";
    static final String TO = "to";
    static final String NEXT = "next";

    private final CloudWatchLogsClient logs;
    private final String group;
    private final Optional<String> filterPattern;
    private final Instant start;
    private final Duration window;
    private final Duration lag;
    private final Clock clock;

    /**
     * @param start where to begin when there is no checkpoint
     * @param window the most event time read (and held in memory) at once
     */
    public CloudWatchLogsSource(CloudWatchLogsClient logs, String group, Optional<String> filterPattern, Instant start,
                                Duration window, Duration lag, Clock clock) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.logs = logs;
        this.group = group;
        this.filterPattern = filterPattern;
        this.start = start;
        this.window = window;
        this.lag = lag;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "cloudwatch_logs";
    }

    @Override
    public String target() {
        return "logs://" + group + filterPattern.map(f -> "?filter=" + f).orElse("");
    }

    @Override
    public List<InputStats> poll(CheckpointedCollector collector) {
        String unit = target();
        List<InputStats> out = new ArrayList<>();
        Instant horizon = clock.instant().minus(lag);
        while (true) {
            Optional<SourceCheckpoint> cp = collector.checkpoints().get(unit);
            long skip = 0;
            Instant from;
            Instant to;
            if (cp.isPresent() && cp.get().getAttributes().containsKey(TO)) { // a window interrupted: the same bounds again
                from = Instant.ofEpochMilli(Long.parseLong(cp.get().getAttributes().get(FROM)));
                to = Instant.ofEpochMilli(Long.parseLong(cp.get().getAttributes().get(TO)));
                skip = cp.get().getPosition();
            } else {
                from = cp.map(c -> Instant.ofEpochMilli(Long.parseLong(c.getAttributes().get(NEXT)))).orElse(start);
                to = from.plus(window).isBefore(horizon) ? from.plus(window) : horizon;
                if (!to.isAfter(from)) {
                    return out;
                }
            }
            byte[] events = read(from, to);
            Map<String, String> during = Map.of(FROM, Long.toString(from.toEpochMilli()), TO, Long.toString(to.toEpochMilli()));
            Map<String, String> next = Map.of(NEXT, Long.toString(to.toEpochMilli()));
            if (events.length == 0) {
                collector.mark(unit, 0, false, next);
            } else {
                out.add(collector.collect(unit, Input.bytes(unit, events), skip, during, false, next));
            }
            if (!to.isBefore(horizon)) {
                return out;
            }
        }
    }

    /** The window's messages, one per line, in (timestamp, event id) order so that a re-read numbers them alike. */
    private byte[] read(Instant from, Instant to) {
        FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder().logGroupName(group)
                .startTime(from.toEpochMilli()).endTime(to.toEpochMilli() - 1); // endTime is inclusive
        filterPattern.ifPresent(request::filterPattern);
        List<FilteredLogEvent> events = new ArrayList<>();
        logs.filterLogEventsPaginator(request.build()).events().forEach(events::add);
        events.sort(Comparator.comparing(FilteredLogEvent::timestamp).thenComparing(FilteredLogEvent::eventId));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FilteredLogEvent e : events) {
            // One event per line: a pretty-printed JSON message is still one record (JSON allows no raw newline in a string).
            byte[] message = e.message().replace('\r', ' ').replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
            out.write(message, 0, message.length);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
