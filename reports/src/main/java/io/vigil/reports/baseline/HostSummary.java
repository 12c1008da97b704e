package io.vigil.reports.baseline;

import java.time.Instant;

/** One host as the inventory topic currently describes it. */
public record HostSummary(String host, String hostname, String instanceId, int packages, int listeningPorts, int processes, Instant lastSeen) {}
