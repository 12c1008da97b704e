package io.vigil.reports.render;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.action;
import static io.vigil.reports.TestRecords.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.reports.analysis.Report;
import io.vigil.reports.analysis.ReportAnalyser;
import io.vigil.reports.analysis.ReportInput;
import io.vigil.reports.analysis.TimeRange;
import io.vigil.reports.baseline.BaselineSummary;
import io.vigil.reports.render.chromium.HeadlessChromium;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in headless Chromium as a reader would open it: it loads without a single
 * console message (no Content-Security-Policy violation, no blocked load, no script error), its DOM
 * holds both charts with their bars, and the screenshot shows the bars painted in their colours.
 * The page has no script, so its charts are drawn as soon as it is parsed: the DOM dumped after the
 * load event is the marker that they rendered. Skipped where no chromium binary is installed.
 */
class ChromiumRenderingTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2400;
    private static final Pattern CHART = Pattern.compile("<svg\\b[^>]*class=\"chart\".*?</svg>", Pattern.DOTALL);

    @TempDir
    Path dir;
    private HeadlessChromium chromium;

    @BeforeEach
    void findChromium() {
        chromium = HeadlessChromium.find(dir).orElse(null);
        Assumptions.assumeTrue(chromium != null, "no chromium on the PATH (Debian: apt-get install chromium)");
    }

    /** A day of findings from four detectors at every severity but INFO, some with actions. */
    private static Report day() {
        List<Finding> findings = new ArrayList<>();
        String[] detectors = {"audit.sensitive_call", "flow.port_scan", "config.security_group_drift", "inventory.new_package"};
        Severity[] severities = {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW};
        for (int i = 0; i < 40; i++) {
            findings.add(finding("f" + i, detectors[i % 4], severities[(i / 3) % 4], T0.plusSeconds(1800L * i), 5 + i).build());
        }
        return ReportAnalyser.analyse(new ReportInput(TimeRange.everything(), T0.plusSeconds(86_400), findings,
                List.of(action("k1", "f0", ActionStatus.EXECUTED, T0.plusSeconds(20)).build()), BaselineSummary.empty(), List.of()));
    }

    @Test
    void theReportOpensWithoutConsoleMessagesAndItsChartsArePainted() throws Exception {
        Path html = ReportWriter.write(day(), dir.resolve("report")).get(0);

        HeadlessChromium.Run dom = chromium.dumpDom(html);
        assertThat(dom.console()).as("console messages while loading the report").isEmpty();
        List<String> charts = charts(dom.stdout());
        assertThat(charts).as("charts in the loaded DOM").hasSize(2);
        assertThat(charts).allSatisfy(c -> assertThat(count(c, "<rect")).as("bars and legend swatches").isGreaterThan(10));

        Path png = dir.resolve("report.png");
        HeadlessChromium.Run shot = chromium.screenshot(html, png, WIDTH, HEIGHT);
        assertThat(shot.console()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        // a colour with bars covers far more than its 10-pixel legend swatch; INFO has no findings, so only the swatch
        int swatchOnly = pixels(image, 0x8c9eb5);
        assertThat(swatchOnly).as("INFO: legend swatch only").isBetween(50, 600);
        for (int colour : new int[] {0xb00020, 0xe06000, 0xd9a400, 0x4e9a06}) {
            assertThat(pixels(image, colour)).as("severity chart, bars of #%06x", colour).isGreaterThan(5 * swatchOnly);
        }
        for (int colour : new int[] {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759}) {
            assertThat(pixels(image, colour)).as("detector chart, bars of #%06x", colour).isGreaterThan(5 * swatchOnly);
        }
    }

    @Test
    void hostilePayloadsStayTextInTheBrowser() throws Exception {
        Path html = ReportWriter.write(InjectionTest.hostileReport(), dir.resolve("hostile")).get(0);

        HeadlessChromium.Run dom = chromium.dumpDom(html);

        assertThat(dom.console()).as("nothing was blocked, because nothing tried to run or load").isEmpty();
        assertThat(dom.stdout()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<svg onload").contains("&lt;script&gt;alert('x')&lt;/script&gt;");
        assertThat(charts(dom.stdout())).hasSize(2);
    }

    private static List<String> charts(String dom) {
        List<String> out = new ArrayList<>();
        Matcher m = CHART.matcher(dom);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
