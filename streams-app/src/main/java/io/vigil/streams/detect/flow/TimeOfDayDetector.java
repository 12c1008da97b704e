package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.ActiveHours;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.HourlyVolume;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.time_of_day}: an entity is busy (at least {@code vigil.flow.time_of_day.min.flows} flows of
 * its own) in an hour at which it has never been active — by default an hour of the day at which it was
 * never active on any day, nor in the hour before or after ({@code granularity=week}: that hour of the
 * week). LOW; MEDIUM when the flow that makes the count is the entity's own connection to the internet.
 *
 * <p>Why: many workloads keep hours (office applications, nightly batches, business-hours APIs); an
 * intruder's hands-on-keyboard session or a scheduled exfiltration runs when nobody watches. False
 * positives are what makes this detector useless, so it is careful: only traffic the entity chose counts
 * (accepted flows it started, or served to internal peers — internet visitors and scanners arrive at any
 * hour); it judges only after {@code min.days} of event time (every hour of the week seen at least twice
 * by default) and after learning; the neighbouring hours count as seen (daylight-saving shifts, jobs that
 * run a little late); a few stray flows are not activity; one finding per entity and hour. Entities that
 * work around the clock never fire. Still expect it from rare legitimate work: monthly jobs, incident
 * response at night. ATT&CK T1029 (scheduled transfer) for internet traffic, T1021 (remote services)
 * otherwise; GuardDuty has no equivalent. Playbook: suspicious-activity.
 *
 * <p>Pure: reads the active hours the profile had before this hour (the current hour counts only once
 * it closes); no Kafka types, no clock.
 */
public final class TimeOfDayDetector {
    public static final String NAME = "flow.time_of_day";

    private TimeOfDayDetector() {}

    /** Judged after the record is observed: the active hours then hold its hour's count. */
    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c) {
        ActiveHours a = p.activity();
        if (!p.learned() || !ActiveHours.counts(f) || f.hour() != a.currentHour() || a.currentFlows() < c.timeOfDayMinFlows()
                || a.alertedHour() == a.currentHour() || a.hoursWatched() < c.timeOfDayMinDays() * 24L) {
            return Optional.empty();
        }
        int slot = HourlyVolume.slot(a.currentHour());
        int hourOfDay = slot % 24;
        int daysAtHour = a.daysActiveAt(hourOfDay);
        int daysAround = a.daysActiveAt((hourOfDay + 23) % 24) + a.daysActiveAt((hourOfDay + 1) % 24);
        boolean unusual = c.timeOfDayByWeek() ? !a.active(slot - 1) && !a.active(slot) && !a.active(slot + 1) : daysAtHour + daysAround == 0;
        if (!unusual) {
            return Optional.empty();
        }
        a.alerted(a.currentHour());
        boolean internet = f.client() && f.peerPublic();
        String hour = Instant.ofEpochMilli(a.currentHour() * 3_600_000L).toString();
        String when = c.timeOfDayByWeek() ? HourlyVolume.slotName(slot) : String.format("%02d:00 UTC", hourOfDay);
        String summary = p.entity() + " was active at " + when + " (" + a.currentFlows() + " flows in the hour from " + hour
                + "), an hour at which it has never been active in " + a.hoursWatched() / 24 + " days.";
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("hour", hour);
        observed.put("hour_of_week", HourlyVolume.slotName(slot));
        observed.put("flows_this_hour", Integer.toString(a.currentFlows()));
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("granularity", c.timeOfDayByWeek() ? "hour of week" : "hour of day");
        baseline.put("days_watched", Integer.toString(a.hoursWatched() / 24));
        baseline.put("active_hours_of_week", Integer.toString(a.activeSlots()));
        baseline.put("days_active_at_this_hour", Integer.toString(daysAtHour));
        baseline.put("days_active_an_hour_either_side", Integer.toString(daysAround));
        baseline.put("min_flows", Integer.toString(c.timeOfDayMinFlows()));
        String reason = "The entity keeps hours and this is outside them" + (internet ? ", talking to the internet: a scheduled transfer or an"
                + " intruder working while nobody watches." : ": someone or something is using it while nobody watches.");
        return Optional.of(FlowAlerts.alert(NAME, internet ? Severity.MEDIUM : Severity.LOW, p, f, internet ? List.of("T1029") : List.of("T1021"),
                summary, observed, baseline, reason, Integer.toString(a.currentHour()), null, List.of(f.source())));
    }
}
