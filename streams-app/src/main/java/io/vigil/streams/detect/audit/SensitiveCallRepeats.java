package io.vigil.streams.detect.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per principal (the audit topic's key), the catalogue calls it made recently, one entry per call, outcome and
 * window, so that thirty denied {@code GetPasswordData} calls in a minute are one finding counting thirty.
 *
 * @param open    by repeat key (event source, name, outcome, severity); bounded to {@value #MAX_OPEN}, the oldest makes room
 * @param maxTime the newest event time seen, epoch millis: windows ending before it minus the window are forgotten
 */
record SensitiveCallRepeats(TreeMap<String, Repeat> open, long maxTime) {
    static final int MAX_OPEN = 64;
    static final int MAX_CITED = 20;
    static final int MAX_ADDRESSES = 8;
    static final int MAX_EVENT_IDS = 256;

    static SensitiveCallRepeats empty() {
        return new SensitiveCallRepeats(new TreeMap<>(), Long.MIN_VALUE);
    }

    /**
     * One call's repeats within a window that opened at its first occurrence.
     *
     * @param firstEventId the first occurrence's event id: fixes the finding id for the whole window
     * @param firstTime    event time of the first occurrence (the window runs a window's length either side of it)
     * @param cited        the records behind the finding, the first {@value #MAX_CITED}
     * @param addresses    distinct source addresses (bounded)
     * @param eventIds     the event ids counted, the latest {@value #MAX_EVENT_IDS}: a duplicate delivery is not counted again
     */
    record Repeat(String firstEventId, long firstTime, long firstSeen, long lastSeen, long count, List<Cited> cited, TreeSet<String> addresses,
                  List<String> eventIds) {}

    /** A record behind a finding: where it is and its event id. */
    record Cited(String topic, int partition, long offset, String eventId) {}

    /** The state after one more occurrence of {@code key} at {@code time}; the repeat it joined or opened is {@code open().get(key)}. */
    SensitiveCallRepeats add(String key, long time, Cited cited, String address, long windowMillis) {
        long now = Math.max(maxTime, time);
        TreeMap<String, Repeat> next = new TreeMap<>();
        open.forEach((k, r) -> {
            if (r.lastSeen() + windowMillis >= now - windowMillis) {
                next.put(k, r);
            }
        });
        Repeat r = next.get(key);
        if (r != null && containsEvent(r, cited.eventId())) {
            return new SensitiveCallRepeats(next, now);
        }
        if (r != null && Math.abs(time - r.firstTime()) < windowMillis) {
            List<Cited> refs = new ArrayList<>(r.cited());
            if (refs.size() < MAX_CITED) {
                refs.add(cited);
            }
            TreeSet<String> addresses = new TreeSet<>(r.addresses());
            if (address != null && addresses.size() < MAX_ADDRESSES) {
                addresses.add(address);
            }
            List<String> ids = new ArrayList<>(r.eventIds());
            if (cited.eventId() != null) {
                ids.add(cited.eventId());
            }
            if (ids.size() > MAX_EVENT_IDS) {
                ids.remove(0);
            }
            next.put(key, new Repeat(r.firstEventId(), r.firstTime(), Math.min(r.firstSeen(), time), Math.max(r.lastSeen(), time),
                    r.count() + 1, List.copyOf(refs), addresses, List.copyOf(ids)));
        } else {
            TreeSet<String> addresses = new TreeSet<>();
            if (address != null) {
                addresses.add(address);
            }
            next.put(key, new Repeat(cited.eventId(), time, time, time, 1, List.of(cited), addresses,
                    cited.eventId() == null ? List.of() : List.of(cited.eventId())));
            while (next.size() > MAX_OPEN) {
                String oldest = next.entrySet().stream().min((a, b) -> Long.compare(a.getValue().lastSeen(), b.getValue().lastSeen()))
                        .orElseThrow().getKey();
                next.remove(oldest);
            }
        }
        return new SensitiveCallRepeats(next, now);
    }

    /** A duplicate record (CloudTrail delivers some events twice: the same event id) is not counted twice. */
    private static boolean containsEvent(Repeat r, String eventId) {
        return eventId != null && r.eventIds().contains(eventId);
    }
}
