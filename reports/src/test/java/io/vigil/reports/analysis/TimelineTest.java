package io.vigil.reports.analysis;

import static io.vigil.reports.TestRecords.T0;
import static io.vigil.reports.TestRecords.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void countsFindingsPerBucketAndSeverity() {
        List<Finding> findings = List.of(
                finding("a", "audit.x", Severity.HIGH, T0, 1).build(),
                finding("b", "audit.x", Severity.HIGH, T0.plusSeconds(30), 1).build(),
                finding("c", "flow.y", Severity.LOW, T0.plus(Duration.ofMinutes(50)), 1).build());
        Timeline t = Timeline.of(findings, TimeRange.everything());
        assertThat(t.bucket()).isEqualTo(Duration.ofMinutes(1));
        assertThat(t.starts()).hasSize(51).startsWith(T0);
        assertThat(series(t.bySeverity(), "HIGH")[0]).isEqualTo(2);
        assertThat(series(t.bySeverity(), "LOW")[50]).isEqualTo(1);
        assertThat(series(t.byDetector(), "flow.y")[50]).isEqualTo(1);
    }

    @Test
    void keepsAtMostSixtyBucketsOverALongRange() {
        Timeline t = Timeline.of(List.of(finding("a", "d", Severity.INFO, T0, 1).build()),
                new TimeRange(Optional.of(T0.minus(Duration.ofDays(3650))), Optional.of(T0.plus(Duration.ofDays(3650)))));
        assertThat(t.starts().size()).isLessThanOrEqualTo(Timeline.MAX_BUCKETS);
        assertThat(IntStream.range(0, t.starts().size()).mapToLong(i -> series(t.bySeverity(), "INFO")[i]).sum()).isEqualTo(1);
    }

    @Test
    void sumsDetectorsBeyondTheSeventhAsOther() {
        List<Finding> findings = new ArrayList<>();
        for (int d = 0; d < 9; d++) {
            findings.add(finding("f" + d, "detector." + d, Severity.MEDIUM, T0, 1).build());
        }
        Timeline t = Timeline.of(findings, TimeRange.everything());
        assertThat(t.byDetector()).hasSize(Timeline.MAX_DETECTOR_SERIES + 1);
        assertThat(series(t.byDetector(), Timeline.OTHER)[0]).isEqualTo(2);
    }

    @Test
    void noFindingsAndNoBoundsIsAnEmptyTimeline() {
        assertThat(Timeline.of(List.of(), TimeRange.everything()).starts()).isEmpty();
    }

    private static long[] series(List<Timeline.Series> all, String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().counts();
    }
}
