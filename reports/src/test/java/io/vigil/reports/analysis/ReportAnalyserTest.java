package io.vigil.reports.analysis;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.action;
import static io.vigil.reports.TestRecords.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.reports.baseline.BaselineSummary;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Approval;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportAnalyserTest {
    private static final Finding STOP_LOGGING = finding("f1", "audit.sensitive_call", Severity.CRITICAL, T0, 4).build();
    private static final Finding PORT_SCAN = finding("f2", "flow.port_scan", Severity.MEDIUM, T0.plusSeconds(60), 10)
            .setEntity("10.0.0.7").setEntityType("ip").setAccount(null).build();
    private static final Finding SG_DRIFT = finding("f3", "config.security_group_drift", Severity.HIGH, T0.plusSeconds(120), 30)
            .setKind(FindingKind.drift).setEntity("sg-0123").setEntityType("resource").build();

    private static Report analyse(TimeRange range, List<Finding> findings, List<ResponseAction> actions) {
        return ReportAnalyser.analyse(new ReportInput(range, T0.plusSeconds(3600), findings, actions, BaselineSummary.empty(), List.of()));
    }

    @Test
    void countsFindingsBySeverityDetectorEntityAndAccount() {
        Report r = analyse(TimeRange.everything(), List.of(STOP_LOGGING, PORT_SCAN, SG_DRIFT), List.of());
        assertThat(r.findings()).hasSize(3);
        assertThat(r.bySeverity()).containsEntry(Severity.CRITICAL, 1L).containsEntry(Severity.MEDIUM, 1L)
                .containsEntry(Severity.HIGH, 1L).containsEntry(Severity.INFO, 0L);
        assertThat(r.detectors()).extracting(DetectorRow::detector)
                .containsExactly("audit.sensitive_call", "config.security_group_drift", "flow.port_scan");
        assertThat(r.topEntities()).extracting(Tally::key).containsExactly("10.0.0.7", "arn:aws:iam::123456789012:user/alice", "sg-0123");
        assertThat(r.accounts()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("123456789012");
            assertThat(a.count()).isEqualTo(2);
            assertThat(a.maxSeverity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(r.drift()).extracting(row -> row.finding().getId()).containsExactly("f3");
    }

    @Test
    void keepsFindingsInTheRangeAndCountsAReplayedFindingOnce() {
        TimeRange firstTwoMinutes = new TimeRange(Optional.of(T0), Optional.of(T0.plusSeconds(120)));
        Report r = analyse(firstTwoMinutes, List.of(STOP_LOGGING, PORT_SCAN, SG_DRIFT, STOP_LOGGING), List.of());
        assertThat(r.findings()).extracting(row -> row.finding().getId()).containsExactly("f1", "f2");
    }

    @Test
    void timeToDetectIsFromEventTimeToDetection() {
        Report r = analyse(TimeRange.everything(), List.of(STOP_LOGGING, PORT_SCAN, SG_DRIFT), List.of());
        assertThat(r.timeToDetect().p50()).isEqualTo(Duration.ofSeconds(10));
        assertThat(r.timeToDetect().max()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.detectors().get(0).timeToDetect().max()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void collapsesTheLedgerToTheLatestStatusWhateverTheOrderEntriesArrive() {
        Approval approval = new Approval("oncall@example.com", "approved", T0.plusSeconds(40), null);
        List<ResponseAction> ledger = List.of(
                action("k1", "f1", ActionStatus.EXECUTED, T0.plusSeconds(20)).setDryRun(false).setCompletedAt(T0.plusSeconds(50))
                        .setApprovals(List.of(approval)).build(),
                action("k1", "f1", ActionStatus.REQUESTED, T0.plusSeconds(10)).build(),
                action("k2", "f2", ActionStatus.FAILED, T0.plusSeconds(90)).setError("AccessDenied").build(),
                action("k9", "not-in-report", ActionStatus.EXECUTED, T0).build());
        Report r = analyse(TimeRange.everything(), List.of(STOP_LOGGING, PORT_SCAN), ledger);

        assertThat(r.actions()).hasSize(2);
        ActionRow contain = r.actions().get(0);
        assertThat(contain.key()).isEqualTo("k1");
        assertThat(contain.status()).isEqualTo(ActionStatus.EXECUTED);
        assertThat(contain.dryRun()).isFalse();
        assertThat(contain.requestedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(contain.detector()).isEqualTo("audit.sensitive_call");
        assertThat(contain.approvals()).containsExactly(approval);
        assertThat(r.actions().get(1).error()).contains("AccessDenied");
        assertThat(r.outcomes()).extracting(OutcomeRow::actionType, OutcomeRow::status, OutcomeRow::dryRun, OutcomeRow::count).containsExactly(
                tuple("credentials.deactivate_key", ActionStatus.EXECUTED, false, 1L),
                tuple("credentials.deactivate_key", ActionStatus.FAILED, true, 1L));
    }

    @Test
    void timeToRespondIsFromDetectionToTheFirstActionRequested() {
        List<ResponseAction> ledger = List.of(
                action("k1", "f1", ActionStatus.REQUESTED, T0.plusSeconds(10)).build(),
                action("k2", "f1", ActionStatus.REQUESTED, T0.plusSeconds(100)).setStep("snapshot").build());
        Report r = analyse(TimeRange.everything(), List.of(STOP_LOGGING, PORT_SCAN), ledger);
        assertThat(r.findings().get(0).timeToRespond()).contains(Duration.ofSeconds(6));
        assertThat(r.findings().get(1).timeToRespond()).isEmpty();
        assertThat(r.timeToRespond().count()).isEqualTo(1);
    }
}
