package io.vigil.streams.detect.flow;

import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.baseline.ConnectionWindow;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.ProbeWindow;
import io.vigil.streams.baseline.Service;
import io.vigil.streams.finding.Detection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts every flow finding shares: who, the baseline it was judged against, tags, and its sources. */
final class FlowAlerts {
    private FlowAlerts() {}

    /** The finding for the current record's entity; tags name the GuardDuty type (null: none matches) and the playbook. */
    static FlowAlert alert(String detector, Severity severity, FlowProfile p, FlowFacts f, List<String> attack, String summary,
                           Map<String, String> observed, Map<String, String> baseline, String reason, String evidenceKey,
                           String guardDuty, List<SourceRef> sources) {
        String playbook = severity.ordinal() < Severity.HIGH.ordinal() ? "suspicious-activity"
                : detector.equals(VolumeDetector.EXFILTRATION) ? "data-exfiltration" : "compromised-instance";
        return alert(detector, severity, p, f, attack, summary, observed, baseline, reason, evidenceKey, guardDuty, playbook, sources);
    }

    /** The same, with the playbook chosen by the detector. */
    static FlowAlert alert(String detector, Severity severity, FlowProfile p, FlowFacts f, List<String> attack, String summary,
                           Map<String, String> observed, Map<String, String> baseline, String reason, String evidenceKey,
                           String guardDuty, String playbook, List<SourceRef> sources) {
        Detection d = new Detection(detector, FindingKind.anomaly, severity, p.entity(), p.entityType(), p.account(), attack, summary,
                observed, baseline, reason, evidenceKey, guardDuty == null ? List.of("flow", "playbook:" + playbook)
                        : List.of("flow", "guardduty:" + guardDuty, "playbook:" + playbook));
        return new FlowAlert(d, Instant.ofEpochMilli(f.time()), sources);
    }

    /** What the profile held before judging: its age, size and learning state. */
    static Map<String, String> baseline(FlowProfile p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("learning", p.learned() ? "learned at " + Instant.ofEpochMilli(p.learnedAt()) : "learning");
        m.put("first_seen", Instant.ofEpochMilli(p.firstSeen()).toString());
        m.put("records", Long.toString(p.records()));
        m.put("known_peer_services", Integer.toString(p.peerServices().size()));
        m.put("known_services", Integer.toString(p.services().size()));
        m.put("distinct_peers_estimate", Long.toString(p.distinctPeers()));
        m.put("distinct_service_ports_estimate", Long.toString(p.distinctServicePorts()));
        return m;
    }

    /** The record itself, as observed. */
    static Map<String, String> observed(FlowFacts f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("record_id", f.recordId());
        m.put("local_address", f.localText());
        m.put("peer", f.peerText());
        m.put("peer_scope", f.peerPublic() ? "public" : "internal");
        m.put("direction", f.outbound() ? "outbound" : "inbound");
        m.put("service", Service.text(f.service()));
        m.put("action", String.valueOf(f.action()));
        m.put("bytes", Long.toString(f.bytes()));
        m.put("packets", Long.toString(f.packets()));
        return m;
    }

    /** The first record of a window and the current one (the same record gives one source). */
    static List<SourceRef> sources(ProbeWindow w, FlowFacts f) {
        SourceRef current = f.source();
        if (w.firstOffset() == f.offset() && w.firstPartition() == f.partition()) {
            return List.of(current);
        }
        return List.of(new SourceRef(current.getTopic(), w.firstPartition(), w.firstOffset(), w.firstRecordId()), current);
    }

    /**
     * Up to {@value ConnectionWindow#MAX_REFS} records of a connection window and the current one (20 in
     * all), in order; the current record is not repeated when the window already cites it.
     */
    static List<SourceRef> sources(ConnectionWindow w, FlowFacts f) {
        SourceRef current = f.source();
        List<SourceRef> out = new ArrayList<>(w.refs() + 1);
        boolean cited = false;
        for (int i = 0; i < w.refs(); i++) {
            boolean isCurrent = w.refOffset(i) == f.offset() && w.refPartition(i) == f.partition();
            cited |= isCurrent;
            out.add(isCurrent ? current : new SourceRef(current.getTopic(), w.refPartition(i), w.refOffset(i), w.refRecordId(i)));
        }
        if (!cited) {
            out.add(current);
        }
        return List.copyOf(out);
    }

    /** A severity moved by {@code steps} levels, kept within INFO..CRITICAL. */
    static Severity raise(Severity s, int steps) {
        return Severity.values()[Math.max(0, Math.min(Severity.CRITICAL.ordinal(), s.ordinal() + steps))];
    }
}
