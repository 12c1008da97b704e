package io.vigil.streams.detect.flow;

import io.vigil.streams.baseline.ConnectionWindow;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.Service;

/** What the rate detectors ({@code flow.brute_force}, {@code flow.dos}) share about which windows to judge. */
final class RateWindows {
    private RateWindows() {}

    /**
     * A window is judged when an internet source connects to the entity (from the first record: no
     * baseline is needed), or, for internal peers and the entity's own outbound connections, once the
     * entity has learned and only when the (peer bucket, service) was not established before the window
     * opened — health checks, connection pools and a busy host's DNS are established relations.
     */
    static boolean judged(FlowProfile p, FlowFacts f, ConnectionWindow w) {
        if (!Service.client(w.service()) && f.peerPublic()) {
            return true;
        }
        return p.learned() && !w.peerKnown();
    }

    /**
     * Password guessing or a flood against one of the entity's own services is judged from the first
     * record whoever the peer is: lateral attacks from a compromised internal host are as serious as
     * those from the internet, and a learning period would hide exactly the first attack. Only a peer
     * already established on that service (a jump host, a load balancer, an application's pool) is left
     * out; a brand-new load balancer may therefore be reported once, until its relation is known.
     */
    static boolean judgedInbound(FlowProfile p, FlowFacts f, ConnectionWindow w) {
        if (!Service.client(w.service())) {
            return f.peerPublic() || !w.peerKnown();
        }
        return judged(p, f, w);
    }
}
