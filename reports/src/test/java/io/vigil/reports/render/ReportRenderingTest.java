package io.vigil.reports.render;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.action;
import static io.vigil.reports.TestRecords.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.reports.analysis.Report;
import io.vigil.reports.analysis.ReportAnalyser;
import io.vigil.reports.analysis.ReportInput;
import io.vigil.reports.analysis.SourceStats;
import io.vigil.reports.analysis.TimeRange;
import io.vigil.reports.baseline.BaselineSummary;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The renderers on in-memory data: every file, every section, charts with bars. */
class ReportRenderingTest {

    private static Report sample() {
        return ReportAnalyser.analyse(new ReportInput(TimeRange.everything(), T0.plusSeconds(7200),
                List.of(finding("f1", "audit.sensitive_call", Severity.CRITICAL, T0, 2).build(),
                        finding("f2", "flow.port_scan", Severity.LOW, T0.plusSeconds(1800), 20).setEntity("10.0.0.7").build(),
                        finding("f3", "drift.config", Severity.HIGH, T0.plusSeconds(3000), 60).setKind(FindingKind.drift).build()),
                List.of(action("k1", "f1", ActionStatus.PLANNED, T0.plusSeconds(5)).build()),
                BaselineSummary.empty(), List.of(new SourceStats("findings", true, 3, 1))));
    }

    @Test
    void writesHtmlMarkdownAndCsvIntoTheDirectory(@TempDir Path dir) {
        List<Path> files = ReportWriter.write(sample(), dir.resolve("out"));

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("report.html", "report.md", "findings.csv", "actions.csv", "detectors.csv", "hosts.csv");
        assertThat(files).allSatisfy(p -> assertThat(p).isRegularFile().isNotEmptyFile());
    }

    @Test
    void htmlHasEverySectionAndChartsWithOneBarPerSeverityBucket() throws Exception {
        String html = HtmlPage.render(sample());

        assertThat(html).contains("id=\"overview\"", "id=\"charts\"", "id=\"findings-by\"", "id=\"drift\"", "id=\"response\"",
                "id=\"baseline\"", "id=\"findings\"", "id=\"sources\"");
        List<Document> charts = PageChecks.charts(html);
        assertThat(charts).hasSize(2);
        assertThat(charts.get(0).getElementsByTagName("rect").getLength()).as("5 legend swatches and 3 bars").isEqualTo(8);
        PageChecks.assertOnlyOwnMarkup(html);
    }

    @Test
    void markdownHasTheSameTables() {
        String md = MarkdownPage.render(sample());

        assertThat(md).startsWith("# Vigil report").contains("### By detector", "### Drift findings", "### Actions", "### Hosts and software",
                "| audit.sensitive\\_call | 1 | 0 | 0 | 0 | 0 | 1 |", "- Response actions: **1**");
    }

    @Test
    void csvFilesHaveAHeaderAndOneRowPerItem() {
        var files = CsvFiles.render(sample());

        assertThat(CsvParser.parse(files.get("findings.csv"))).hasSize(4);
        assertThat(CsvParser.parse(files.get("actions.csv"))).hasSize(2);
        List<List<String>> detectors = CsvParser.parse(files.get("detectors.csv"));
        assertThat(detectors).hasSize(4);
        assertThat(detectors.get(0)).startsWith("detector", "total", "info", "low", "medium", "high", "critical");
        List<String> portScan = detectors.stream().filter(r -> r.get(0).equals("flow.port_scan")).findFirst().orElseThrow();
        assertThat(portScan.get(detectors.get(0).indexOf("time_to_detect_p50_seconds"))).isEqualTo("20.000");
    }

    @Test
    void anEmptyReportStillRenders(@TempDir Path dir) throws Exception {
        Report empty = ReportAnalyser.analyse(new ReportInput(TimeRange.everything(), T0, List.of(), List.of(), BaselineSummary.empty(), List.of()));
        ReportWriter.write(empty, dir);

        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("No findings in this range", "None.");
        assertThat(PageChecks.charts(html)).hasSize(2);
        assertThat(CsvParser.parse(Files.readString(dir.resolve("findings.csv")))).hasSize(1);
    }
}
