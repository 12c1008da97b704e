package io.vigil.reports.render;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.action;
import static io.vigil.reports.TestRecords.finding;
import static io.vigil.reports.TestRecords.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.reports.analysis.Report;
import io.vigil.reports.analysis.ReportAnalyser;
import io.vigil.reports.analysis.ReportInput;
import io.vigil.reports.analysis.TimeRange;
import io.vigil.reports.baseline.BaselineSummary;
import io.vigil.reports.baseline.InventoryBaseline;
import io.vigil.reports.baseline.PrincipalBaseline;
import io.vigil.reports.incident.CaseInput;
import io.vigil.reports.incident.SourceEvent;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ApprovalDecision;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.Approval;
import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Log fields are attacker-controlled: a finding (and its action and host) whose every text field
 * carries an HTML/JS payload must render as inert, still readable text in HTML, Markdown and CSV.
 */
class InjectionTest {
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String SVG = "<svg onload=alert(1)>";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";

    private static final Finding HOSTILE = finding("f-" + SCRIPT, "audit." + SVG, Severity.CRITICAL, T0, 3)
            .setEntity(IMG)
            .setAccount(SVG)
            .setSummary(SCRIPT + " | *bold* [link](javascript:alert(1))\nsecond line")
            .setEvidence(new Evidence(Map.of("userAgent", SCRIPT, SVG, IMG), Map.of("expected", IMG), SVG))
            .setAttack(List.of(FORMULA))
            .build();

    static Report hostileReport() {
        InventoryBaseline inventory = new InventoryBaseline();
        inventory.add(pkg(IMG, InventoryAction.ADDED, T0, SCRIPT, SVG).setHostname(SVG).build());
        Approval approval = new Approval(SCRIPT, IMG, T0.plusSeconds(9), SVG);
        return ReportAnalyser.analyse(new ReportInput(TimeRange.everything(), T0.plusSeconds(60), List.of(HOSTILE),
                List.of(action("k-" + IMG, HOSTILE.getId(), ActionStatus.FAILED, T0.plusSeconds(5)).setTarget(IMG).setError(SCRIPT)
                        .setPlaybook(FORMULA).setApprovals(List.of(approval)).build()),
                new BaselineSummary(inventory.summary(), new PrincipalBaseline().summary()), List.of()));
    }

    @Test
    void htmlShowsThePayloadsAsTextAndRunsNothing() throws Exception {
        String html = HtmlPage.render(hostileReport());

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<svg onload");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                "&lt;svg onload=alert(1)&gt;");
        PageChecks.assertOnlyOwnMarkup(html);
        assertThat(PageChecks.charts(html)).as("charts stay well-formed with a hostile detector name in the legend").hasSize(2);
    }

    @Test
    void htmlCarriesAContentSecurityPolicyThatForbidsScripts() {
        String html = HtmlPage.render(hostileReport());
        String head = html.substring(0, html.indexOf("</head>"));

        assertThat(head).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlPage.CONTENT_SECURITY_POLICY + "\">");
        assertThat(HtmlPage.CONTENT_SECURITY_POLICY).contains("default-src 'none'", "script-src 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void markdownShowsThePayloadsAsTextAndOpensNoHtmlNorLink() {
        String md = MarkdownPage.render(hostileReport());

        assertThat(md).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<svg")
                .doesNotContain("[link](javascript");
        assertThat(md).contains("&lt;script&gt;alert('x')&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&lt;svg onload=alert(1)&gt;");
        assertThat(md.replace("<br>", "")).as("the only HTML is the line break the escaper writes").doesNotContain("<");
        for (String table : md.split("\n### ")) {
            List<String> rows = table.lines().filter(l -> l.startsWith("| ")).toList();
            if (!rows.isEmpty()) {
                int columns = PageChecks.markdownCells(rows.get(0));
                assertThat(rows).as("rows of " + table.lines().findFirst().orElseThrow())
                        .allSatisfy(r -> assertThat(PageChecks.markdownCells(r)).isEqualTo(columns));
            }
        }
    }

    @Test
    void csvKeepsThePayloadsVerbatimAndNeutralisesFormulas() {
        Map<String, String> files = CsvFiles.render(hostileReport());

        List<List<String>> findings = CsvParser.parse(files.get("findings.csv"));
        List<String> header = findings.get(0);
        List<String> row = findings.get(1);
        assertThat(findings).hasSize(2);
        assertThat(row).hasSameSizeAs(header);
        assertThat(row.get(header.indexOf("summary"))).isEqualTo(HOSTILE.getSummary());
        assertThat(row.get(header.indexOf("entity"))).isEqualTo(IMG);
        assertThat(row.get(header.indexOf("attack"))).isEqualTo("'" + FORMULA);

        List<List<String>> actions = CsvParser.parse(files.get("actions.csv"));
        assertThat(actions.get(1).get(actions.get(0).indexOf("playbook"))).isEqualTo("'" + FORMULA);
        assertThat(actions.get(1).get(actions.get(0).indexOf("error"))).isEqualTo(SCRIPT);

        List<List<String>> hosts = CsvParser.parse(files.get("hosts.csv"));
        assertThat(hosts.get(1).get(0)).isEqualTo(IMG);
    }

    /** A case whose every fact carries a payload: the incident report must show them all as text, in every format. */
    static CaseInput hostileCase() {
        ResponseAction action = action("k-" + IMG, HOSTILE.getId(), ActionStatus.EXECUTED, T0.plusSeconds(5)).setTarget(IMG).setPlan(SCRIPT)
                .setDetails(Map.of("case_id", "case-1", "note", SVG)).setApprovals(List.of(new Approval(SCRIPT, "approved", T0.plusSeconds(4), IMG))).build();
        ResponseApproval approval = new ResponseApproval("k-" + IMG, "case-1", SVG, ApprovalDecision.APPROVED, T0.plusSeconds(3), FORMULA);
        CustodyRecord custody = new CustodyRecord("case-1", 0L, T0.plusSeconds(6), IMG, SCRIPT, "k-" + IMG, Map.of("snapshot", SVG), "0".repeat(64), "ab");
        SourceEvent event = new SourceEvent("audit.events", 0, 7, T0, IMG, SCRIPT, FORMULA);
        return new CaseInput("case-1", T0.plusSeconds(60), List.of(HOSTILE), List.of(action), List.of(approval), List.of(custody), List.of(event));
    }

    @Test
    void theIncidentReportShowsThePayloadsAsTextInEveryFormat() throws Exception {
        Map<String, String> files = CaseWriter.render(hostileCase());

        String html = files.get("incident-case-1.html");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<svg")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&lt;svg onload=alert(1)&gt;")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlPage.CONTENT_SECURITY_POLICY + "\">");
        PageChecks.assertOnlyOwnMarkup(html);

        String md = files.get("incident-case-1.md");
        assertThat(md.replace("<br>", "")).doesNotContain("<").contains("&lt;script&gt;alert('x')&lt;/script&gt;");

        List<List<String>> timeline = CsvParser.parse(files.get("incident-case-1-timeline.csv"));
        assertThat(timeline.get(0)).containsExactly("time", "kind", "who", "what", "detail");
        assertThat(timeline.subList(1, timeline.size())).extracting(r -> r.get(1))
                .containsExactly("event", "finding", "approval", "approval", "action", "custody");
        assertThat(timeline.get(1)).containsExactly(T0.toString(), "event", IMG, SCRIPT, "audit.events/0@7; " + FORMULA);
        List<List<String>> approvals = CsvParser.parse(files.get("incident-case-1-approvals.csv"));
        assertThat(approvals.get(1).get(approvals.get(0).indexOf("comment"))).isEqualTo("'" + FORMULA);
        assertThat(files).containsKeys("incident-case-1-findings.csv", "incident-case-1-actions.csv", "incident-case-1-custody.csv",
                "incident-case-1-events.csv");
    }
}
