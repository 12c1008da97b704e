package io.vigil.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.CliRun;
import org.junit.jupiter.api.Test;

/** vigil report's option combinations are refused with the option named, before anything connects. */
class ReportCmdArgsTest {

    @Test
    void anUnknownScheduleNamesTheAcceptedOnes() {
        CliRun.Result r = CliRun.run("report", "--schedule", "hourly", "--out", "reports", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(r.rc()).isNotZero();
        assertThat(r.err()).contains("--schedule 'hourly': expected daily or weekly");
    }

    @Test
    void aCaseOrAScheduleTakesNoRange() {
        CliRun.Result c = CliRun.run("report", "--case", "case-1", "--from", "2024-01-01T00:00:00Z", "--out", "r", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(c.err()).contains("--case ID reports the whole case; drop --from and --to");
        CliRun.Result s = CliRun.run("report", "--schedule", "daily", "--to", "2024-01-01T00:00:00Z", "--out", "r", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(s.err()).contains("--schedule reports each period; drop --from and --to");
    }

    @Test
    void s3IsOnlyForScheduledReports() {
        CliRun.Result r = CliRun.run("report", "--out", "s3://bucket/prefix", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(r.rc()).isNotZero();
        assertThat(r.err()).contains("--out s3://bucket/prefix: S3 is for --schedule");
    }
}
