package io.vigil.streams.detect.cross;

import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.finding.Detection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cross.exposed_port_probed}: a configuration change opened a port of a security group to the whole internet
 * ({@code 0.0.0.0/0} or {@code ::/0}), and then an address on the internet connected to that port on an interface in the
 * group — probed it (refused, or at most two packets) or used it. One finding joins both: the change (the AWS Config
 * item) and the first flow that reached the port within {@link #WINDOW} of the opening.
 *
 * <p>Why: each half alone is common — rules get opened for a test, and the internet probes every public address — but a
 * port opened by a change and reached from outside is an exposure in use: scanners find a newly opened SSH or database port
 * within minutes. ATT&CK T1562.007 (cloud firewall modified), T1190 / T1133 (exposed service, remote access), T1595
 * (scanning); GuardDuty Recon:EC2/PortProbeUnprotectedPort. HIGH when an administrative or database port (or every
 * port) accepted the connection, MEDIUM otherwise. Playbook: compromised-instance when HIGH, configuration-drift otherwise
 * (close the rule: restore the group's baseline).
 *
 * <p>Pure: event time only; the opening and the flow may arrive in either order (the latest flow per port of the last day
 * is kept).
 */
final class ExposedPortDetector {
    static final String NAME = "cross.exposed_port_probed";
    /** A flow this long after the opening is still its consequence. */
    static final Duration WINDOW = Duration.ofDays(7);
    /**
     * Flows kept for openings told later: the latest per port, renewed at most once a minute of event time, so that an
     * address scanned all day costs a store write a minute, not one per flow (an opening told late is matched to the minute).
     */
    static final Duration KEEP_EVERY = Duration.ofMinutes(1);

    /** A finding with its event time (the flow's) and the records behind it (the item, then the flow). */
    record Alert(Detection detection, Instant eventTime, List<SourceRef> sources) {}

    /** The interface's state after the event, and the findings it raised. */
    record Step(InterfaceExposure state, List<Alert> alerts) {}

    private ExposedPortDetector() {}

    /** A change opened a rule of one of the interface's groups: judge the flows already seen, remember the opening. */
    static Step onNotice(InterfaceExposure s, ExposureNotice n) {
        InterfaceExposure state = s == null ? InterfaceExposure.empty() : s;
        if (state.exposures().contains(n)) {
            return new Step(state, List.of());
        }
        List<ExposureNotice> exposures = new ArrayList<>(state.exposures());
        exposures.add(n);
        while (exposures.size() > InterfaceExposure.MAX_EXPOSURES) {
            exposures.remove(0);
        }
        List<String> reported = new ArrayList<>(state.reported());
        List<Alert> alerts = new ArrayList<>();
        if (!reported.contains(key(n))) {
            state.recent().stream().filter(f -> reaches(n, f)).findFirst().ifPresent(f -> alerts.add(alert(n, f, reported)));
        }
        return new Step(new InterfaceExposure(List.copyOf(exposures), state.recent(), bounded(reported)), alerts);
    }

    /** An inbound flow from the internet: judged against the openings known, and kept for openings told later. */
    static Step onFlow(InterfaceExposure s, InterfaceExposure.InboundFlow f) {
        InterfaceExposure state = s == null ? InterfaceExposure.empty() : s;
        List<String> reported = new ArrayList<>(state.reported());
        List<Alert> alerts = new ArrayList<>();
        for (ExposureNotice n : state.exposures()) {
            if (reaches(n, f) && !reported.contains(key(n))) {
                alerts.add(alert(n, f, reported));
            }
        }
        if (alerts.isEmpty() && state.recent().stream().anyMatch(r -> samePort(r, f) && r.time() <= f.time() && f.time() - r.time() < KEEP_EVERY.toMillis())) {
            return new Step(state, alerts); // a flow to this port was kept less than a minute before: nothing to store
        }
        List<InterfaceExposure.InboundFlow> recent = new ArrayList<>();
        long newest = Math.max(f.time(), state.recent().stream().mapToLong(InterfaceExposure.InboundFlow::time).max().orElse(f.time()));
        for (InterfaceExposure.InboundFlow r : state.recent()) {
            if (r.time() >= newest - Duration.ofDays(1).toMillis() && !(samePort(r, f) && r.time() < f.time())) {
                recent.add(r);
            }
        }
        recent.add(f);
        while (recent.size() > InterfaceExposure.MAX_RECENT) {
            recent.remove(0);
        }
        return new Step(new InterfaceExposure(state.exposures(), List.copyOf(recent), bounded(reported)), alerts);
    }

    private static boolean samePort(InterfaceExposure.InboundFlow a, InterfaceExposure.InboundFlow b) {
        return a.port() == b.port() && a.protocol() == b.protocol();
    }

    private static boolean reaches(ExposureNotice n, InterfaceExposure.InboundFlow f) {
        return n.range().covers(f.protocol(), f.port()) && f.time() >= n.openedAt() && f.time() <= n.openedAt() + WINDOW.toMillis();
    }

    private static String key(ExposureNotice n) {
        return "exposed:" + n.groupId() + ":" + n.range().text() + ":" + n.openedAt();
    }

    private static Alert alert(ExposureNotice n, InterfaceExposure.InboundFlow f, List<String> reported) {
        reported.add(key(n));
        boolean accepted = "ACCEPT".equals(f.action()) && f.packets() > 2;
        boolean admin = n.range().admin() && PortRange.ADMIN.contains(f.port()) || n.range().from() == -1;
        Severity severity = accepted && admin ? Severity.HIGH : Severity.MEDIUM;
        String target = n.instanceId() != null ? n.instanceId() : n.interfaceId();
        long minutes = Duration.ofMillis(f.time() - n.openedAt()).toMinutes();
        String port = PortRange.of(f.protocol(), f.port());
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("security_group", n.groupId());
        observed.put("opened_to_world", n.range().text());
        observed.put("opened_at", Instant.ofEpochMilli(n.openedAt()).toString());
        observed.put("config_state_id", String.valueOf(n.item().recordId()));
        observed.put("interface", n.interfaceId());
        observed.put("peer", f.peer());
        observed.put("local_address", f.local());
        observed.put("port", port);
        observed.put("action", String.valueOf(f.action()));
        observed.put("packets", Long.toString(f.packets()));
        observed.put("bytes", Long.toString(f.bytes()));
        observed.put("flow_time", Instant.ofEpochMilli(f.time()).toString());
        observed.put("minutes_after_opening", Long.toString(minutes));
        Map<String, String> baseline = new LinkedHashMap<>();
        baseline.put("security_group_before", n.groupId() + " did not allow " + n.range().text() + " from the internet");
        baseline.put("window", "a flow within " + WINDOW.toDays() + " days of the opening");
        String summary = n.groupId() + " was opened to the internet on " + n.range().text() + " at " + Instant.ofEpochMilli(n.openedAt()) + ", and "
                + minutes + " min later " + f.peer() + " " + (accepted ? "connected to " : "probed ") + target + " on " + port + " ("
                + f.action() + "): close the rule or confirm the exposure is intended.";
        List<String> attack = admin ? List.of("T1562.007", "T1133", "T1595") : List.of("T1562.007", "T1190", "T1595");
        String playbook = severity == Severity.HIGH ? "compromised-instance" : "configuration-drift";
        Detection d = new Detection(NAME, FindingKind.anomaly, severity, target, n.instanceId() != null ? "instance" : "interface", f.account(),
                attack, summary, observed, baseline,
                "a port opened to the world by a change and then reached from the internet is an exposure in use, not a test",
                key(n), List.of("cross", "guardduty:Recon:EC2/PortProbeUnprotectedPort", "playbook:" + playbook));
        return new Alert(d, Instant.ofEpochMilli(f.time()), List.of(n.item().source(), f.ref().source()));
    }

    private static List<String> bounded(List<String> reported) {
        while (reported.size() > InterfaceExposure.MAX_REPORTED) {
            reported.remove(0);
        }
        return List.copyOf(reported);
    }
}
