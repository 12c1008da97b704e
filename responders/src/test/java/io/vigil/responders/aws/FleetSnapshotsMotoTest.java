package io.vigil.responders.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.evidence.FanOut;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The fleet fan-out against moto_server: every volume of 40 instances snapshotted for the finding (as
 * DescribeSnapshots shows), never more than the given number of calls in flight, no faster than the given
 * rate; a dry run and a re-run create nothing.
 */
@ExtendWith(MotoExtension.class)
class FleetSnapshotsMotoTest {

    @Test
    void snapshotsEveryVolumeWithinTheBoundsAndOnlyOnce(MotoServer moto) throws Exception {
        try (Estate estate = new Estate(moto.endpoint()); FanOut fanOut = new FanOut(6, 100)) {
            List<String> instances = new ArrayList<>(estate.aws.ec2().runInstances(r -> r.imageId("ami-12c6146b").minCount(40).maxCount(40)
                    .subnetId(estate.subnet).blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/sdf").ebs(e -> e.volumeSize(8)).build()))
                    .instances().stream().map(Instance::instanceId).toList());
            ActionContext ctx = Estate.context("f-fleet");
            Ec2FleetSnapshots fleet = new Ec2FleetSnapshots(estate.aws.ec2());

            Ec2FleetSnapshots.Report dry = fleet.snapshotFleet(instances, ctx, fanOut, false);
            assertThat(dry.failures()).isEmpty();
            assertThat(dry.created()).isEmpty();
            assertThat(taken(estate)).isZero();

            Ec2FleetSnapshots.Report report = fleet.snapshotFleet(instances, ctx, fanOut, true);

            assertThat(report.failures()).isEmpty();
            assertThat(report.volumes()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(report.created()).hasSize(report.volumes().size());
            assertThat(taken(estate)).isEqualTo(report.volumes().size());
            assertThat(report.issuing().maxInFlight()).isBetween(1, 6);
            // paced at 100 calls/s: n calls take at least (n - 1) / 100 s
            assertThat(report.issuing().wall()).isGreaterThanOrEqualTo(Duration.ofMillis((report.created().size() - 1) * 10L - 5));

            Ec2FleetSnapshots.Report again = fleet.snapshotFleet(instances, ctx, fanOut, true);
            assertThat(again.toTake()).isEmpty();
            assertThat(taken(estate)).isEqualTo(report.volumes().size());
        }
    }

    private static int taken(Estate estate) {
        return estate.aws.ec2().describeSnapshots(r -> r.ownerIds("self").filters(Filter.builder().name("tag:vigil:finding").values("f-fleet").build()))
                .snapshots().size();
    }
}
