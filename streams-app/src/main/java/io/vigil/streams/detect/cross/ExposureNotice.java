package io.vigil.streams.detect.cross;

/**
 * What travels through the {@code cross-exposed-interfaces} repartition topic, keyed by interface id (as {@code flows.raw}
 * is, with as many partitions, so the notice and the interface's flows meet in one task): a change opened {@code range}
 * of {@code groupId} to the world at {@code openedAt}, and the interface is in that group.
 */
record ExposureNotice(String interfaceId, String instanceId, String groupId, PortRange range, long openedAt, Ref item) {}
