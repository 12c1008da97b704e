package io.vigil.streams.detect.cross;

import io.vigil.schemas.SourceRef;

/** A record behind a finding, kept in state until the finding cites it. */
record Ref(String topic, int partition, long offset, String recordId) {
    SourceRef source() {
        return new SourceRef(topic, partition, offset, recordId);
    }
}
