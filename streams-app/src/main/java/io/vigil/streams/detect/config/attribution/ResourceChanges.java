package io.vigil.streams.detect.config.attribution;

import io.vigil.schemas.Finding;
import java.util.List;

/**
 * Per resource id, what attribution remembers: the latest change calls that named it, and its drift
 * findings that went out without a caller (a call may still arrive: the two reach this task by different paths).
 *
 * @param calls    by event time, bounded to {@value #MAX_CALLS} (the oldest make room)
 * @param pending  unattributed findings, newest last, bounded to {@value #MAX_PENDING}
 */
record ResourceChanges(List<ChangeCall> calls, List<Finding> pending) {
    static final int MAX_CALLS = 16;
    static final int MAX_PENDING = 8;

    static ResourceChanges empty() {
        return new ResourceChanges(List.of(), List.of());
    }
}
