package io.vigil.streams.detect.flow;

import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every flow detector over one record and its entity's profile, in the order that makes "new" mean new:
 * the detectors that compare with what was known run before the record is folded into the profile, the
 * ones that count within windows and hours run after. Pure: the same profile and record always give the
 * same alerts and the same updated profile.
 */
public final class FlowJudge {
    private final FlowConfig config;

    public FlowJudge(FlowConfig config) {
        this.config = config;
    }

    /** Judges one record and updates the profile; an empty list (not allocated) when nothing fired. */
    public List<FlowAlert> judge(FlowProfile p, FlowFacts f) {
        if (!f.traffic()) {
            p.observe(f, config.profile());
            return List.of();
        }
        boolean learned = p.learned();
        // flow.spam is the specific reading of a new mail service: it replaces new_peer_service for that record.
        List<FlowAlert> alerts = add(null, SpamDetector.score(p, f, config));
        if (alerts == null) {
            alerts = add(alerts, NewPeerServiceDetector.score(p, f, config));
        }
        boolean novelty = alerts != null;
        alerts = add(alerts, UnusualPortDetector.score(p, f, config));
        p.observe(f, config.profile());
        alerts = add(alerts, NewPeerDetector.score(p, f, config, learned, novelty));
        alerts = add(alerts, TimeOfDayDetector.score(p, f, config));
        if (f.probe()) {
            alerts = add(alerts, PortScanDetector.score(p, f, config));
            alerts = add(alerts, PortSweepDetector.score(p, f, config));
            alerts = add(alerts, RejectedBurstDetector.score(p, f, config));
        }
        alerts = add(alerts, BruteForceDetector.score(p, f, config));
        alerts = add(alerts, DosDetector.score(p, f, config));
        alerts = add(alerts, VolumeDetector.score(p, f, config, learned));
        return alerts == null ? List.of() : alerts;
    }

    private static List<FlowAlert> add(List<FlowAlert> alerts, Optional<FlowAlert> alert) {
        if (alert.isEmpty()) {
            return alerts;
        }
        List<FlowAlert> out = alerts == null ? new ArrayList<>(2) : alerts;
        out.add(alert.get());
        return out;
    }
}
