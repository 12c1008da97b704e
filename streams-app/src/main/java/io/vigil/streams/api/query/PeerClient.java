package io.vigil.streams.api.query;

import org.apache.kafka.streams.state.HostInfo;

/** Asks another streams instance's API for a baseline it holds itself (never forwarded further). */
public interface PeerClient {
    /** GET {@code path} (the kind's path and the entity) on {@code peer}, answered from the peer's own stores. */
    Answer localAt(HostInfo peer, BaselineKind kind, String key);
}
