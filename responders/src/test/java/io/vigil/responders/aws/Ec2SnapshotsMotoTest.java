package io.vigil.responders.aws;

import io.vigil.testing.moto.MotoServer;
import io.vigil.testing.moto.MotoExtension;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.action.Outcome;
import io.vigil.schemas.ActionStatus;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;

@ExtendWith(MotoExtension.class)
class Ec2SnapshotsMotoTest {
    private Estate estate;

    @BeforeEach
    void estate(MotoServer moto) {
        estate = new Estate(moto.endpoint());
    }

    @AfterEach
    void close() {
        estate.close();
    }

    @Test
    void dryRunTakesNoSnapshot() {
        String instance = estate.instance("/dev/sda1", "/dev/sdf");

        Outcome o = new DryRunEc2Snapshots(estate.aws.ec2()).snapshotVolumes(instance, Estate.context("f-dry"));

        assertThat(o.status()).isEqualTo(ActionStatus.PLANNED);
        assertThat(o.plan()).contains("ec2:CreateSnapshot vol-").contains(instance);
        assertThat(o.details().get("dry_run_checks")).contains("CreateSnapshot vol-").contains("would succeed");
        assertThat(estate.snapshots(instance)).isEmpty();
    }

    @Test
    void snapshotsEveryVolumeTaggedAndOnlyOncePerFinding() {
        String instance = estate.instance("/dev/sda1", "/dev/sdf");
        Ec2Snapshots snapshots = new Ec2Snapshots(estate.aws.ec2());

        Outcome o = snapshots.snapshotVolumes(instance, Estate.context("f-snap"));

        assertThat(o.status()).isEqualTo(ActionStatus.EXECUTED);
        assertThat(estate.snapshots(instance)).hasSize(2).allSatisfy(s -> {
            assertThat(tags(s)).containsEntry("vigil:case", "case-test").containsEntry("vigil:finding", "f-snap").containsEntry("vigil:instance", instance);
            assertThat(o.details()).containsEntry("snapshot." + s.volumeId(), s.snapshotId());
        });

        Outcome again = snapshots.snapshotVolumes(instance, Estate.context("f-snap"));
        assertThat(again.status()).isEqualTo(ActionStatus.SKIPPED);
        assertThat(again.plan()).startsWith("already snapshotted for this finding");
        assertThat(estate.snapshots(instance)).hasSize(2);

        assertThat(snapshots.snapshotVolumes(instance, Estate.context("f-later")).status()).isEqualTo(ActionStatus.EXECUTED);
        assertThat(estate.snapshots(instance)).hasSize(4);
    }

    private static Map<String, String> tags(Snapshot s) {
        return s.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
