package io.vigil.reports;

import java.nio.file.Path;
import java.util.List;

/** What {@link ReportCommand#render} did: findings and response actions reported, files written. */
public record ReportSummary(int findings, int actions, List<Path> files) {}
