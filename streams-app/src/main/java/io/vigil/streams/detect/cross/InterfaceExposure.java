package io.vigil.streams.detect.cross;

import java.util.List;

/**
 * Per interface: the world-open rules changes put it behind, its recent inbound flows from public addresses (kept for a
 * notice that arrives after them: the two sources reach the task by different paths), and what was already reported.
 *
 * @param exposures by the notice that told it, bounded to {@value #MAX_EXPOSURES}
 * @param recent    the latest inbound public flow per port (renewed at most once a minute), bounded to {@value #MAX_RECENT} ports
 *                  and to a day behind the newest
 * @param reported  evidence keys of the findings raised (bounded)
 */
record InterfaceExposure(List<ExposureNotice> exposures, List<InboundFlow> recent, List<String> reported) {
    static final int MAX_EXPOSURES = 32;
    static final int MAX_RECENT = 64;
    static final int MAX_REPORTED = 64;

    static InterfaceExposure empty() {
        return new InterfaceExposure(List.of(), List.of(), List.of());
    }

    /** An inbound flow from a public address: what the finding shows of it. */
    record InboundFlow(long time, int protocol, int port, String peer, String local, String action, long packets, long bytes, String entity,
                       String entityType, String account, Ref ref) {}
}
