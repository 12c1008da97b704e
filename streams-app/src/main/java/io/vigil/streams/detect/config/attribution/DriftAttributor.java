package io.vigil.streams.detect.config.attribution;

import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.SourceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attribution of configuration drift: joins a drift finding of a resource to the CloudTrail call that
 * changed it — a successful, non-read call naming the resource (id, name or ARN in its request parameters,
 * response elements or resources) within {@code before} ms before the configuration item's capture time
 * (Config records a change minutes after the call) or {@code after} ms after it (clock skew). The latest
 * such call before the capture wins, else the earliest after it. The finding then says who changed what
 * from where: {@code changed_by}, {@code change_source_ip}, {@code change_user_agent}, {@code change_call},
 * {@code change_event_id}, {@code change_time} in its evidence, the call among its sources, the caller in
 * its summary.
 *
 * <p>The finding and the call reach the task by different paths, so either may come first. A finding with
 * no call yet goes out at once without a caller and is remembered; if its call arrives later, the finding
 * is sent again, same id, with the caller — consumers keep the latest record per id.
 *
 * <p>Why: a drift says what changed; the response needs who did it (a compromised principal, an engineer
 * outside change control) and from where (ATT&CK T1578, T1562.007; the attribution GuardDuty and Config
 * give only when read side by side). Playbook: configuration-drift. Pure: event time only.
 */
public final class DriftAttributor {
    private DriftAttributor() {}

    /** What a signal produced: findings to send, and the resource's state after it. */
    public record Outcome(List<Finding> findings, ResourceChanges state) {}

    /** The window: a call from {@code beforeMs} before a capture to {@code afterMs} after it may have caused it. */
    public record Window(long beforeMs, long afterMs) {
        boolean contains(long captureTime, long callTime) {
            return callTime >= captureTime - beforeMs && callTime <= captureTime + afterMs;
        }
    }

    public static Outcome onFinding(ResourceChanges state, Finding f, Window w) {
        ResourceChanges s = state == null ? ResourceChanges.empty() : state;
        long t = f.getEventTime().toEpochMilli();
        Optional<ChangeCall> best = s.calls().stream().filter(c -> w.contains(t, c.eventTime()))
                .min(Comparator.comparingLong((ChangeCall c) -> c.eventTime() <= t ? 0 : 1)
                        .thenComparingLong(c -> c.eventTime() <= t ? t - c.eventTime() : c.eventTime() - t));
        if (best.isPresent()) {
            return new Outcome(List.of(attribute(f, best.get())), s);
        }
        List<Finding> pending = new ArrayList<>(s.pending());
        pending.removeIf(p -> p.getId().equals(f.getId()));
        pending.add(f);
        while (pending.size() > ResourceChanges.MAX_PENDING) {
            pending.remove(0);
        }
        return new Outcome(List.of(f), new ResourceChanges(s.calls(), List.copyOf(pending)));
    }

    public static Outcome onCall(ResourceChanges state, ChangeCall c, Window w) {
        ResourceChanges s = state == null ? ResourceChanges.empty() : state;
        if (s.calls().stream().anyMatch(k -> k.eventId().equals(c.eventId()))) {
            return new Outcome(List.of(), s);
        }
        List<ChangeCall> calls = new ArrayList<>(s.calls());
        calls.add(c);
        calls.sort(Comparator.comparingLong(ChangeCall::eventTime).thenComparing(ChangeCall::eventId));
        while (calls.size() > ResourceChanges.MAX_CALLS) {
            calls.remove(0);
        }
        List<Finding> out = new ArrayList<>();
        List<Finding> pending = new ArrayList<>();
        for (Finding p : s.pending()) {
            if (w.contains(p.getEventTime().toEpochMilli(), c.eventTime())) {
                out.add(attribute(p, c));
            } else {
                pending.add(p);
            }
        }
        return new Outcome(out, new ResourceChanges(List.copyOf(calls), List.copyOf(pending)));
    }

    /** The finding with its caller: evidence, sources and summary name who changed it, how and from where. */
    public static Finding attribute(Finding f, ChangeCall c) {
        Map<String, String> observed = new LinkedHashMap<>(f.getEvidence().getObserved());
        observed.put("changed_by", c.who());
        if (c.principalArn() != null && !c.principalArn().equals(c.who())) {
            observed.put("changed_by_principal", c.principalArn());
        }
        if (c.accessKeyId() != null) {
            observed.put("change_access_key_id", c.accessKeyId());
        }
        if (c.sourceIp() != null) {
            observed.put("change_source_ip", c.sourceIp());
        }
        if (c.userAgent() != null) {
            observed.put("change_user_agent", c.userAgent());
        }
        observed.put("change_call", c.eventSource() + ":" + c.eventName());
        observed.put("change_event_id", c.eventId());
        observed.put("change_time", Instant.ofEpochMilli(c.eventTime()).toString());
        List<SourceRef> sources = new ArrayList<>(f.getSources());
        sources.add(new SourceRef(c.topic(), c.partition(), c.offset(), c.eventId()));
        List<String> tags = new ArrayList<>(f.getTags());
        if (!tags.contains("attributed")) {
            tags.add("attributed");
        }
        String summary = f.getSummary() + " (changed by " + c.who() + (c.sourceIp() == null ? "" : " from " + c.sourceIp()) + " with " + c.eventName() + ")";
        return Finding.newBuilder(f).setEvidence(new Evidence(observed, f.getEvidence().getBaseline(), f.getEvidence().getReason()))
                .setSources(sources).setTags(tags).setSummary(summary).build();
    }
}
