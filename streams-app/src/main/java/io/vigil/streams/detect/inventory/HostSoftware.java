package io.vigil.streams.detect.inventory;

import java.util.TreeMap;

/**
 * A host's software and services baseline: the packages and listening sockets it reported while learning,
 * kept up to date with the drift already reported (a drift is reported once), and the packages removed in the
 * last hour (an upgrade arrives as a removal and an addition, in either order).
 *
 * @param host      host identifier
 * @param firstSeen event time of the host's first row, epoch millis
 * @param packages  package (source:name:arch) → version; bounded to {@value #MAX_PACKAGES}
 * @param ports     listening socket (protocol/port) → address and process; bounded to {@value #MAX_PORTS}
 * @param removed   package → the removal just reported; entries older than an hour are dropped
 */
record HostSoftware(String host, long firstSeen, TreeMap<String, String> packages, TreeMap<String, String> ports, TreeMap<String, Removal> removed) {
    static final int MAX_PACKAGES = 8_192;
    static final int MAX_PORTS = 1_024;
    static final int MAX_REMOVED = 64;

    /**
     * A removal reported after learning.
     *
     * @param version     the version removed
     * @param time        event time, epoch millis
     * @param evidenceKey the finding's evidence key: an addition of the same package at the same time replaces that finding (an upgrade)
     */
    record Removal(String version, long time, String evidenceKey) {}

    static HostSoftware empty(String host, long t) {
        return new HostSoftware(host, t, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }
}
