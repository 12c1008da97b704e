package io.vigil.reports.render;

import io.vigil.reports.analysis.Timeline;
import io.vigil.reports.render.escape.Html;
import io.vigil.schemas.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stacked bar charts of findings over time as inline SVG: the page needs no script and no network to
 * show them. Series names come from data (detector names), so every text node is escaped.
 */
final class SvgCharts {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int LEGEND_ROW = 18;
    private static final int BOTTOM = 44;
    private static final int MAX_X_LABELS = 8;

    private static final Map<String, String> SEVERITY_COLOURS = Map.of(Severity.INFO.name(), "#8c9eb5", Severity.LOW.name(), "#4e9a06",
            Severity.MEDIUM.name(), "#d9a400", Severity.HIGH.name(), "#e06000", Severity.CRITICAL.name(), "#b00020");
    private static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1");
    private static final String OTHER_COLOUR = "#9d9d9d";

    private SvgCharts() {}

    static String bySeverity(Timeline t) {
        return chart("Findings over time by severity", t, t.bySeverity(), (i, name) -> SEVERITY_COLOURS.get(name));
    }

    static String byDetector(Timeline t) {
        return chart("Findings over time by detector", t, t.byDetector(), (i, name) -> i < PALETTE.size() ? PALETTE.get(i) : OTHER_COLOUR);
    }

    private interface Colours {
        String of(int index, String seriesName);
    }

    private static String chart(String title, Timeline t, List<Timeline.Series> series, Colours colours) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">\n<title>").append(Html.escape(title)).append("</title>\n");
        int n = t.starts().size();
        long max = maxStack(series, n);
        if (n == 0 || max == 0) {
            text(svg, WIDTH / 2.0, HEIGHT / 2.0, "middle", "No findings in this range");
            return svg.append("</svg>").toString();
        }
        int top = legend(svg, series, colours) + 12;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - top - BOTTOM;
        double barW = plotW / n;
        axes(svg, top, max, plotH);
        DateTimeFormatter labels = DateTimeFormatter.ofPattern(t.bucket().compareTo(Duration.ofDays(1)) < 0 ? "MM-dd HH:mm" : "yyyy-MM-dd")
                .withZone(ZoneOffset.UTC);
        int labelEvery = (n + MAX_X_LABELS - 1) / MAX_X_LABELS;
        for (int i = 0; i < n; i++) {
            double x = LEFT + i * barW;
            double y = top + plotH;
            Instant start = t.starts().get(i);
            for (int s = 0; s < series.size(); s++) {
                long count = series.get(s).counts()[i];
                if (count == 0) {
                    continue;
                }
                double h = plotH * count / max;
                y -= h;
                svg.append("<rect x=\"").append(num(x + barW * 0.1)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(barW * 0.8))
                        .append("\" height=\"").append(num(h)).append("\" fill=\"").append(colours.of(s, series.get(s).name())).append("\"><title>")
                        .append(Html.escape(series.get(s).name() + ": " + count + " from " + start)).append("</title></rect>\n");
            }
            if (i % labelEvery == 0) {
                text(svg, x + barW / 2, top + plotH + 16, "middle", labels.format(start));
            }
        }
        text(svg, LEFT, HEIGHT - 6, "start", "buckets of " + Text.duration(t.bucket()) + ", UTC");
        return svg.append("</svg>").toString();
    }

    private static long maxStack(List<Timeline.Series> series, int n) {
        long max = 0;
        for (int i = 0; i < n; i++) {
            long sum = 0;
            for (Timeline.Series s : series) {
                sum += s.counts()[i];
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    private static void axes(StringBuilder svg, int top, long max, double plotH) {
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(top).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(num(top + plotH)).append("\"/>\n");
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(num(top + plotH)).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(num(top + plotH)).append("\"/>\n");
        for (long tick : List.of(0L, max / 2, max)) {
            double y = top + plotH - plotH * tick / max;
            text(svg, LEFT - 6, y + 4, "end", String.valueOf(tick));
        }
    }

    /** Draws the legend in as many rows as the names need; returns where it ends. */
    private static int legend(StringBuilder svg, List<Timeline.Series> series, Colours colours) {
        double x = LEFT;
        int y = 4;
        for (int s = 0; s < series.size(); s++) {
            String name = series.get(s).name();
            double width = 24 + 7 * name.length();
            if (x > LEFT && x + width > WIDTH - RIGHT) {
                x = LEFT;
                y += LEGEND_ROW;
            }
            svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colours.of(s, name)).append("\"/>\n");
            text(svg, x + 14, y + 9, "start", name);
            x += width;
        }
        return y + LEGEND_ROW;
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String content) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor).append("\">")
                .append(Html.escape(content)).append("</text>\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
