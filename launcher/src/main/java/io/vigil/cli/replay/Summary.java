package io.vigil.cli.replay;

import io.vigil.collectors.input.InputStats;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The few lines a person reads after a run: what went in, what was found, what would be done. */
public final class Summary {
    private Summary() {}

    public static void print(PrintStream out, ReplayPipeline.Result r, int maxFindings) {
        long read = r.files().stream().mapToLong(InputStats::read).sum();
        long published = r.files().stream().mapToLong(InputStats::publishedCount).sum();
        long dead = r.files().stream().mapToLong(InputStats::deadLetteredCount).sum();
        out.printf("input: %d files, %d records read, %d published, %d dead-lettered%n", r.files().size(), read, published, dead);
        for (InputStats f : r.files()) {
            if (f.deadLetteredCount() > 0) {
                String what = "unknown".equals(f.format()) ? "unreadable (unknown format)" : f.deadLetteredCount() + " of " + f.read() + " records dead-lettered";
                out.printf("  %s: %s %s%n", f.path(), what, f.reasons());
            }
            if (f.heldBackAt() != null) {
                out.printf("  %s: %s (%d bytes) held back, not read: it has no newline, as if still being written%n",
                        f.path(), f.heldBackAt(), f.heldBackBytes());
            }
        }
        Map<String, Long> bySeverity = r.findings().stream()
                .collect(Collectors.groupingBy(f -> f.getSeverity().name(), TreeMap::new, Collectors.counting()));
        out.printf("findings: %d %s%n", r.findings().size(), bySeverity);
        r.findings().stream().limit(maxFindings).forEach(f -> out.printf("  finding %s %s [%s] %s%n",
                f.getSeverity(), f.getDetector(), oneLine(f.getEntity()), oneLine(f.getSummary())));
        if (r.findings().size() > maxFindings) {
            out.printf("  … and %d more%n", r.findings().size() - maxFindings);
        }
        out.printf("actions: %d%n", r.actions().size());
        r.actions().stream().limit(maxFindings).forEach(a -> out.printf("  action %s%s %s -> %s: %s%n",
                a.getStatus(), a.getDryRun() ? " (dry run)" : "", a.getActionType(), oneLine(a.getTarget()), oneLine(a.getPlan())));
    }

    /** Log-derived text must not forge extra lines or terminal escapes on a console. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), 300));
        for (int i = 0; i < s.length() && b.length() < 300; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }

    static List<String> lines(List<Finding> findings) {
        return findings.stream().map(io.vigil.schemas.json.FindingJson::toJson).toList();
    }
}
