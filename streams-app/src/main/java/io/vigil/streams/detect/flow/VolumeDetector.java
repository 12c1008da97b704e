package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.Addresses;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.HourlyVolume;
import io.vigil.streams.baseline.KnownServices;
import io.vigil.streams.baseline.Service;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.unusual_volume} and {@code flow.exfiltration}: in the current event-time hour, a learned
 * entity has sent more bytes to public addresses than its robust baseline for that hour allows: more
 * than the median plus the largest of k * 1.4826 * MAD, the median itself, and an absolute floor
 * (see {@link #limit}). When the hour's top destination was
 * first seen this hour, it is {@code flow.exfiltration} (HIGH); otherwise {@code flow.unusual_volume}
 * (MEDIUM); ten times over the limit raises either by one level.
 *
 * <p>Why: data theft shows as volume — an instance that sends 40 MB an hour suddenly sending 4 GB —
 * and most clearly when the bytes go somewhere new. Median and MAD, not mean and deviation, so one past
 * spike does not hide the next. The baseline is the same hour of the week when there are enough weeks,
 * else the same hour of the day, else every hour; the evidence says which. One finding per entity and
 * hour. ATT&CK T1048 (exfiltration over alternative protocol), T1041 (over a C2 channel); GuardDuty
 * Behavior:EC2/TrafficVolumeUnusual, Exfiltration:S3/AnomalousBehavior for the data-theft analogue.
 * Playbook: data-exfiltration, compromised-instance.
 *
 * <p>Pure: no Kafka types, no clock; an hour is event time.
 */
public final class VolumeDetector {
    public static final String UNUSUAL_VOLUME = "flow.unusual_volume";
    public static final String EXFILTRATION = "flow.exfiltration";
    private static final int TENFOLD = 10;

    private VolumeDetector() {}

    /** {@code learned}: whether the entity was learned before this record. */
    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c, boolean learned) {
        HourlyVolume v = p.volume();
        // The floor alone rules out almost every record before any statistics are computed.
        if (!learned || !f.outbound() || !f.peerPublic() || f.rejected() || f.hour() != v.currentHour()
                || v.currentBytes() <= c.volumeFloorBytes() || v.alertedHour() == v.currentHour()) {
            return Optional.empty();
        }
        HourlyVolume.Baseline b = v.baseline();
        double limit = limit(b, c);
        if (!b.sufficient() || v.currentBytes() <= limit) {
            return Optional.empty();
        }
        v.alerted(v.currentHour());
        int top = v.topDestination();
        String destination = Addresses.format(v.topHi(top), v.topLo(top));
        boolean newDestination = firstSeenThisHour(p.peerServices(), v, top);
        boolean tenfold = v.currentBytes() > TENFOLD * limit;
        String detector = newDestination ? EXFILTRATION : UNUSUAL_VOLUME;
        Severity severity = FlowAlerts.raise(newDestination ? Severity.HIGH : Severity.MEDIUM, tenfold ? 1 : 0);
        String hour = Instant.ofEpochMilli(v.currentHour() * 3_600_000L).toString();
        String summary = p.entity() + " sent " + mb(v.currentBytes()) + " to public addresses in the hour from " + hour + ", against a usual "
                + mb((long) b.stats().median()) + " (" + b.scope() + "); most went to " + destination
                + (newDestination ? ", a destination first seen this hour." : ".");
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("hour", hour);
        observed.put("bytes_this_hour", Long.toString(v.currentBytes()));
        observed.put("top_destinations", topDestinations(v));
        observed.put("top_destination_first_seen_this_hour", newDestination ? "yes" : "no");
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("scope", b.scope());
        baseline.put("hours_compared", Integer.toString(b.stats().samples()));
        baseline.put("median_bytes", Long.toString(Math.round(b.stats().median())));
        baseline.put("mad_bytes", Long.toString(Math.round(b.stats().mad())));
        baseline.put("k", Double.toString(c.volumeK()));
        baseline.put("floor_bytes", Long.toString(c.volumeFloorBytes()));
        baseline.put("limit_bytes", Long.toString(Math.round(limit)));
        String reason = "Bytes to the internet far above this entity's usual volume for the hour"
                + (newDestination ? ", to a destination it never used before: the pattern of data theft." : ": data may be leaving.");
        return Optional.of(FlowAlerts.alert(detector, severity, p, f, newDestination ? List.of("T1048", "T1041") : List.of("T1048"), summary,
                observed, baseline, reason, Integer.toString(v.currentHour()), "Behavior:EC2/TrafficVolumeUnusual", List.of(f.source())));
    }

    /**
     * The most the hour may hold: the median plus the largest of k robust deviations, the median itself
     * (so a steady entity must at least double) and the floor (so a quiet one must move real data).
     */
    static double limit(HourlyVolume.Baseline b, FlowConfig c) {
        double median = b.stats().median();
        return median + Math.max(Math.max(b.stats().threshold(c.volumeK()) - median, median), c.volumeFloorBytes());
    }

    private static boolean firstSeenThisHour(KnownServices known, HourlyVolume v, int top) {
        int service = v.topService(top);
        long bucket = (service & Service.INTERNET) != 0 ? 0 : Addresses.bucket(v.topHi(top), v.topLo(top));
        int at = known.indexOf(bucket, service);
        return at < 0 || known.firstSeen(at) >= v.currentHour();
    }

    private static String topDestinations(HourlyVolume v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < HourlyVolume.TOP; i++) {
            if (v.topBytes(i) > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(Addresses.format(v.topHi(i), v.topLo(i))).append(": ").append(v.topBytes(i)).append(" bytes");
            }
        }
        return s.toString();
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
