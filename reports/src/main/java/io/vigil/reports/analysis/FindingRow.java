package io.vigil.reports.analysis;

import io.vigil.schemas.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A finding with its timings: time to detect (event time to detection) and time to respond (detection
 * to the first action requested for it, absent when nothing was requested).
 */
public record FindingRow(Finding finding, Duration timeToDetect, List<ActionRow> actions, Optional<Duration> timeToRespond) {}
