package io.vigil.streams.siem;

import io.vigil.schemas.Finding;
import java.util.Map;

/**
 * The network ends of a finding, read from the evidence keys the detectors write: flow findings record
 * {@code local_address}, {@code peer} and {@code direction}; audit findings record {@code source_ip}.
 * Without those, an IP entity stands as the source. Only IP literals survive ({@link IpLiteral}).
 *
 * @param src source address or null
 * @param dst destination address or null
 * @param entitySide which end is the finding's entity, so formats can attach its instance or interface id
 */
record Endpoints(String src, String dst, Side entitySide) {

    enum Side { SRC, DST, NONE }

    static final Endpoints NONE = new Endpoints(null, null, Side.NONE);

    static Endpoints of(Finding f, Entity entity) {
        Map<String, String> seen = f.getEvidence().getObserved();
        String local = IpLiteral.orNull(seen.get("local_address"));
        String peer = IpLiteral.orNull(seen.get("peer"));
        String direction = seen.get("direction");
        if (local != null && "outbound".equals(direction)) {
            return new Endpoints(local, peer, Side.SRC);
        }
        if (local != null && "inbound".equals(direction)) {
            return new Endpoints(peer, local, Side.DST);
        }
        String caller = IpLiteral.orNull(seen.get("source_ip"));
        if (caller != null) {
            return new Endpoints(caller, null, Side.NONE);
        }
        String own = local != null ? local : entity.ip();
        return own != null ? new Endpoints(own, null, Side.SRC) : NONE;
    }

    boolean isEmpty() {
        return src == null && dst == null;
    }
}
