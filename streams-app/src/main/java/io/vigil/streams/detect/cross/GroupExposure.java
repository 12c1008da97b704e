package io.vigil.streams.detect.cross;

import java.util.List;
import java.util.Map;

/**
 * Per security group: its rules open to the world (those a change opened carry when and by which item; those open when
 * the group was first seen carry no time: they are its baseline, not a change) and the interfaces in it.
 *
 * @param seen    a group item was seen (so the next one that opens a rule is a change)
 * @param open    rules open to the world now
 * @param members interface id → instance id (or "" when unknown), bounded to {@value #MAX_MEMBERS}
 */
record GroupExposure(boolean seen, List<Opened> open, Map<String, String> members) {
    static final int MAX_MEMBERS = 512;

    /** A rule open to the world; {@code openedAt} null when it was open from the first sight of the group. */
    record Opened(PortRange range, Long openedAt, Ref item) {}
}
