package io.vigil.streams.detect.cross;

import java.util.List;

/**
 * What travels through the {@code cross-security-groups} repartition topic, keyed by security group id: a group's
 * rules open to the world as one item shows them ({@code member == null}), or one interface an item puts in the group.
 *
 * @param open    the group's rules open to the world (group items only)
 * @param deleted the group was deleted (group items only)
 * @param time    the item's capture time, epoch millis
 * @param item    the configuration item
 */
record GroupSignal(String groupId, List<PortRange> open, boolean deleted, ConfigFacts.Member member, long time, Ref item) {}
