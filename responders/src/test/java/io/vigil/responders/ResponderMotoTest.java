package io.vigil.responders;

import io.vigil.testing.moto.MotoServer;
import io.vigil.testing.moto.MotoExtension;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.aws.Estate;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.json.FindingJson;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The acceptance scenario end to end: a CRITICAL exfiltration finding about an instance in "web" with one
 * 8 GiB volume. The dry run changes nothing; executing quarantines the instance and snapshots its volume;
 * executing again repeats nothing.
 */
@ExtendWith(MotoExtension.class)
class ResponderMotoTest {

    @Test
    void dryRunChangesNothingAndExecuteQuarantinesAndSnapshots(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint())) {
            String instance = estate.instance("/dev/sda1");
            Finding finding = FindingJson.fromJson("""
                    {"id": "bars-exfil-1", "kind": "anomaly", "detector": "flow.exfiltration", "severity": "CRITICAL", "entity": "%s",
                     "event_time": "2026-01-01T00:00:00Z", "detected_at": "2026-01-01T00:00:05Z", "attack": ["T1041"],
                     "summary": "%s sent 40 GB to a first-seen external address",
                     "evidence": {"observed": {"bytes": 40e9}, "baseline": {"p99_bytes": 1e6}}, "sources": []}
                    """.formatted(instance, instance));
            ResponderOptions dryRun = new ResponderOptions(false, Optional.of(moto.endpoint()), Optional.of(Estate.REGION), Optional.empty());
            ResponderOptions execute = new ResponderOptions(true, Optional.of(moto.endpoint()), Optional.of(Estate.REGION), Optional.empty());

            List<ResponseAction> planned = handle(dryRun, finding);
            assertThat(planned).extracting(ResponseAction::getActionType).containsExactly("instance.contain", "volume.snapshot", "notify.case");
            assertThat(planned).extracting(ResponseAction::getStatus).containsOnly(ActionStatus.PLANNED);
            assertThat(estate.groups(instance)).containsExactly(estate.web);
            assertThat(estate.snapshots(instance)).isEmpty();

            List<ResponseAction> executed = handle(execute, finding);
            assertThat(executed).extracting(ResponseAction::getStatus).containsOnly(ActionStatus.EXECUTED);
            assertThat(estate.groups(instance)).hasSize(1).doesNotContain(estate.web)
                    .containsExactly(executed.get(0).getDetails().get("quarantine_group"));
            assertThat(estate.snapshots(instance)).hasSize(1);

            List<ResponseAction> again = handle(execute, finding);
            assertThat(again.subList(0, 2)).extracting(ResponseAction::getStatus).containsOnly(ActionStatus.SKIPPED);
            assertThat(estate.snapshots(instance)).hasSize(1);
        }
    }

    private static List<ResponseAction> handle(ResponderOptions opts, Finding finding) {
        try (Responder r = Responder.create(opts, Estate.TESTING)) {
            return r.handle(finding);
        }
    }
}
