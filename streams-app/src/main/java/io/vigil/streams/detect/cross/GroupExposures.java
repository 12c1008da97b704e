package io.vigil.streams.detect.cross;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage one of {@code cross.exposed_port_probed}, per security group: which of its rules a change opened to the world,
 * and which interfaces are in it. Each opening is told to every member interface, and each new member is told of the
 * openings already there ({@link ExposureNotice}). Rules open when the group was first seen are its baseline (reported by
 * the configuration family as {@code config.risky_setting}), not a change, and are not told.
 *
 * <p>Pure: event time (capture time) only.
 */
final class GroupExposures {
    /** The group's state after the signal, and what to tell its interfaces. */
    record Step(GroupExposure state, List<ExposureNotice> notices) {}

    private GroupExposures() {}

    static Step apply(GroupExposure s, GroupSignal g) {
        GroupExposure state = s == null ? new GroupExposure(false, List.of(), Map.of()) : s;
        List<ExposureNotice> notices = new ArrayList<>();
        if (g.member() != null) {
            Map<String, String> members = new LinkedHashMap<>(state.members());
            String instance = g.member().instanceId() == null ? "" : g.member().instanceId();
            if (instance.equals(members.get(g.member().interfaceId()))) {
                return new Step(state, notices);
            }
            members.remove(g.member().interfaceId());
            members.put(g.member().interfaceId(), instance);
            while (members.size() > GroupExposure.MAX_MEMBERS) {
                members.remove(members.keySet().iterator().next());
            }
            for (GroupExposure.Opened o : state.open()) {
                if (o.openedAt() != null) {
                    notices.add(new ExposureNotice(g.member().interfaceId(), g.member().instanceId(), g.groupId(), o.range(), o.openedAt(), o.item()));
                }
            }
            return new Step(new GroupExposure(state.seen(), state.open(), members), notices);
        }
        if (g.deleted()) {
            return new Step(new GroupExposure(false, List.of(), state.members()), notices);
        }
        List<GroupExposure.Opened> open = new ArrayList<>();
        for (PortRange r : g.open()) {
            GroupExposure.Opened before = state.open().stream().filter(o -> o.range().equals(r)).findFirst().orElse(null);
            if (before != null) {
                open.add(before);
            } else if (!state.seen()) {
                open.add(new GroupExposure.Opened(r, null, g.item()));
            } else {
                GroupExposure.Opened opened = new GroupExposure.Opened(r, g.time(), g.item());
                open.add(opened);
                state.members().forEach((eni, instance) -> notices.add(
                        new ExposureNotice(eni, instance.isEmpty() ? null : instance, g.groupId(), r, g.time(), g.item())));
            }
        }
        return new Step(new GroupExposure(true, List.copyOf(open), state.members()), notices);
    }
}
