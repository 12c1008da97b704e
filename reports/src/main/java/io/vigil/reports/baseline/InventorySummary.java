package io.vigil.reports.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The current host inventory: hosts, distinct packages (name and version), installs and listening ports. */
public record InventorySummary(List<HostSummary> hosts, long distinctPackages, long packageInstalls, long listeningPorts,
                               long rows, Optional<Instant> asOf) {}
